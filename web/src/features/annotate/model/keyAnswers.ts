// What a number or A/B/T key answers: which question, and the new answer as a function of the
// previous one (a multi-label key toggles). Pure, so the rules are tested without a browser.
import type { QuestionSpec } from "../../../shared/api/types";
import type { KeyAction } from "./keymap";
import { modelOf } from "./questions";

export interface KeyedAnswer {
  question: string;
  update: (previous: unknown) => unknown;
}

const takesKeys = (question: QuestionSpec) => modelOf(question).keyChoices(question).length > 0;

// The question keys apply to: the focused one (`focused`, a question name) when it takes keys
// (and is of `kind`), else the first one that does.
function activeQuestion(questions: QuestionSpec[], focused: string | null, kind?: string): QuestionSpec | undefined {
  const fits = (question: QuestionSpec) => (!kind || question.kind === kind) && takesKeys(question);
  return questions.find((question) => question.name === focused && fits(question)) ?? questions.find(fits);
}

export function keyedAnswer(action: KeyAction, questions: QuestionSpec[], focused: string | null): KeyedAnswer | null {
  if (action.type === "choose") {
    const question = activeQuestion(questions, focused);
    const choice = question && modelOf(question).keyChoices(question)[action.index];
    if (!question || choice === undefined) return null;
    return { question: question.name, update: (previous) => modelOf(question).choose(question, previous, choice) };
  }
  if (action.type === "prefer") {
    const question = activeQuestion(questions, focused, "preference");
    if (!question || question.scale === "five_point") return null;
    const options = question.options ?? [];
    const choice = action.side === "A" ? options[0] : action.side === "B" ? options[1] : question.scale === "three_way" ? "tie" : undefined;
    if (choice === undefined) return null;
    return { question: question.name, update: () => choice };
  }
  return null;
}
