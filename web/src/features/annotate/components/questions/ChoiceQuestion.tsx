import { modelOf } from "../../model/questions";
import type { QuestionProps } from "./props";

// Label (one of N), multi-label and rating: native radios or checkboxes, each with its key.
export function ChoiceQuestion({ question, value, onChange }: QuestionProps) {
  const model = modelOf(question);
  const choices = model.keyChoices(question);
  const multiple = question.kind === "multi_label";
  const chosen = (choice: unknown) => (multiple ? Array.isArray(value) && value.includes(choice) : value === choice);
  return (
    <div class={"choices" + (question.kind === "rating" ? " rating" : "")}>
      {choices.map((choice, index) => (
        <label key={String(choice)} class={"choice" + (chosen(choice) ? " chosen" : "")}>
          <input
            type={multiple ? "checkbox" : "radio"}
            name={question.name}
            value={String(choice)}
            checked={chosen(choice)}
            onChange={() => onChange(model.choose(question, value, choice))}
          />
          {index < 10 && <kbd aria-hidden="true">{(index + 1) % 10}</kbd>}
          <span>{String(choice)}</span>
        </label>
      ))}
    </div>
  );
}
