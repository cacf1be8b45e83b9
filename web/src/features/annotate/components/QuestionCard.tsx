import { Markdown } from "../../../shared/components/Markdown";
import type { QuestionProps } from "./questions/props";
import { kQuestionViews } from "./questions/registry";

// One question: its title (required marked), description, control, a suggestion when there is
// one, and the problem found with its answer (by the UI or the server), tied to it for screen
// readers.
export function QuestionCard(props: QuestionProps & { error?: string }) {
  const { question, error, suggestion } = props;
  const View = kQuestionViews[question.kind];
  return (
    <fieldset id={"question-" + question.name} tabIndex={-1} data-question={question.name}
              class={"question" + (error ? " invalid" : "")} aria-invalid={error ? "true" : undefined}
              aria-describedby={error ? "error-" + question.name : undefined}>
      <legend id={"legend-" + question.name}>
        {question.title || question.name}
        {question.required && <span class="required" aria-label="required"> *</span>}
      </legend>
      {question.description && <Markdown class="description" source={question.description} />}
      <View {...props} />
      {suggestion && question.kind !== "text" && (
        <p class="muted">Suggestion ({suggestion.agent}): {JSON.stringify(suggestion.value)}</p>
      )}
      {error && <p class="error" id={"error-" + question.name} role="alert">{error}</p>}
    </fieldset>
  );
}
