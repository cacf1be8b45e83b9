import type { QuestionProps } from "./props";

// Free text; pre-filled from a suggestion (by the screen) when the project shows them.
export function TextQuestion({ question, value, onChange, suggestion }: QuestionProps) {
  const text = typeof value === "string" ? value : "";
  const suggested = suggestion && typeof suggestion.value === "string" ? suggestion.value : null;
  return (
    <div class="text-question">
      <textarea
        id={"q-" + question.name}
        name={question.name}
        aria-labelledby={"legend-" + question.name}
        rows={Math.min(16, Math.max(4, text.split("\n").length + 1))}
        value={text}
        onInput={(event) => onChange(event.currentTarget.value)}
        aria-describedby={suggested !== null ? "s-" + question.name : undefined}
      />
      {suggested !== null && (
        <p class="muted" id={"s-" + question.name}>
          {text === suggested ? "Pre-filled" : "Suggested"} by {suggestion!.agent}; edit it as needed.{" "}
          {text !== suggested && (
            <button type="button" class="link" onClick={() => onChange(suggested)}>Restore the suggestion</button>
          )}
        </p>
      )}
    </div>
  );
}
