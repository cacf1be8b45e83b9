import { preferenceChoices } from "../../model/questions";
import { fieldTitle, type QuestionProps } from "./props";

const kFivePoint: Record<number, string> = {
  [-2]: "A is much better",
  [-1]: "A is slightly better",
  0: "Tie",
  1: "B is slightly better",
  2: "B is much better",
};

// A / B (/ tie) or the 5-point scale; the compared responses are shown side by side above.
export function PreferenceQuestion({ question, value, onChange, fields }: QuestionProps) {
  const options = question.options ?? [];
  const caption = (choice: unknown): string => {
    if (question.scale === "five_point") return kFivePoint[choice as number];
    if (choice === "tie") return "Tie";
    const index = options.indexOf(choice as string);
    return `${index === 0 ? "A" : index === 1 ? "B" : String.fromCharCode(65 + index)}: ${fieldTitle(fields, choice as string)} is better`;
  };
  const keyOf = (choice: unknown, index: number): string => {
    if (question.scale === "five_point") return String(index + 1);
    if (choice === "tie") return "T";
    return String.fromCharCode(65 + options.indexOf(choice as string));
  };
  return (
    <div class={"choices preference" + (question.scale === "five_point" ? " five-point" : "")}>
      {preferenceChoices(question).map((choice, index) => (
        <label key={String(choice)} class={"choice" + (value === choice ? " chosen" : "")}>
          <input type="radio" name={question.name} value={String(choice)} checked={value === choice} onChange={() => onChange(choice)} />
          <kbd aria-hidden="true">{keyOf(choice, index)}</kbd>
          <span>{caption(choice)}</span>
        </label>
      ))}
    </div>
  );
}
