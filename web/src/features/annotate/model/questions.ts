// Each question kind as a pure model: whether an answer is empty, what is wrong with it, and
// which answers the number keys pick. The views (components/questions/) and the server's
// validation (src/core) agree on the shapes of docs/schema.md. No UI framework here.
import type { QuestionKind, QuestionSpec } from "../../../shared/api/types";

export type Values = Record<string, unknown>;

export interface Span {
  start: number; // code points, end exclusive
  end: number;
  label: string;
}

interface QuestionModel {
  // No answer: what a required question may not be left with.
  isEmpty(value: unknown): boolean;
  // The answers the number keys pick, in key order (1 = the first).
  keyChoices(question: QuestionSpec): unknown[];
  // The value after choosing `choice` by key or click (multi-label toggles).
  choose(question: QuestionSpec, current: unknown, choice: unknown): unknown;
}

const blank = (value: unknown) => value === undefined || value === null || value === "";

const single: QuestionModel = {
  isEmpty: blank,
  keyChoices: () => [],
  choose: (_question, _current, choice) => choice,
};

export function preferenceChoices(question: QuestionSpec): unknown[] {
  const options = question.options ?? [];
  if (question.scale === "five_point") return [-2, -1, 0, 1, 2];
  if (question.scale === "three_way") return [options[0], "tie", options[1]];
  return options;
}

const kModels: Record<QuestionKind, QuestionModel> = {
  label: { ...single, keyChoices: (question) => question.labels ?? [] },
  rating: { ...single, keyChoices: (question) => question.values ?? [] },
  preference: { ...single, keyChoices: preferenceChoices },
  multi_label: {
    isEmpty: (value) => !Array.isArray(value) || value.length === 0,
    keyChoices: (question) => question.labels ?? [],
    choose: (question, current, choice) => {
      const chosen = Array.isArray(current) ? (current as string[]) : [];
      const next = chosen.includes(choice as string) ? chosen.filter((label) => label !== choice) : [...chosen, choice as string];
      // Kept in the question's label order, so the stored answer does not depend on click order.
      return (question.labels ?? []).filter((label) => next.includes(label));
    },
  },
  text: { ...single, isEmpty: (value) => typeof value !== "string" || value.trim() === "" },
  // An empty list is a real answer ("no entities"); only a missing one is empty.
  span: { ...single, isEmpty: (value) => !Array.isArray(value) },
  ranking: { ...single, isEmpty: (value) => !Array.isArray(value) || value.length === 0 },
};

export function modelOf(question: QuestionSpec): QuestionModel {
  return kModels[question.kind];
}

// Problems to show before sending: required questions without an answer.
export function validateRequired(questions: QuestionSpec[], values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const question of questions) {
    if (question.required && modelOf(question).isEmpty(values[question.name])) errors[question.name] = "This question needs an answer.";
  }
  return errors;
}

// The answers worth sending: empty ones are left out (a draft may be partial).
export function answeredValues(questions: QuestionSpec[], values: Values): Values {
  const answered: Values = {};
  for (const question of questions) {
    const value = values[question.name];
    if (!modelOf(question).isEmpty(value)) answered[question.name] = value;
  }
  return answered;
}

// The server names a question in a problem's subject as "question 'name'".
export function questionOfSubject(subject: string): string | null {
  const match = /^question '(.*)'$/.exec(subject);
  return match ? match[1] : null;
}

export interface ServerProblem {
  subject: string;
  reason: string;
}

// A server refusal split into what goes next to each question and what names no question.
export function problemsByQuestion(problems: ServerProblem[]): { byQuestion: Record<string, string>; other: string[] } {
  const byQuestion: Record<string, string> = {};
  const other: string[] = [];
  for (const problem of problems) {
    const name = questionOfSubject(problem.subject);
    if (name) byQuestion[name] = byQuestion[name] ? `${byQuestion[name]}; ${problem.reason}` : problem.reason;
    else other.push([problem.subject, problem.reason].filter(Boolean).join(": "));
  }
  return { byQuestion, other };
}

// Spans sorted by position, the new one added; overlapping ones refused unless allowed.
export function addSpan(spans: Span[], span: Span, allowOverlap: boolean): Span[] | string {
  if (span.end <= span.start) return "Select some text first.";
  if (!allowOverlap && spans.some((other) => other.start < span.end && span.start < other.end))
    return "That selection overlaps a span already marked; remove it first.";
  if (spans.some((other) => other.start === span.start && other.end === span.end && other.label === span.label))
    return "That span is already marked.";
  return [...spans, span].sort((left, right) => left.start - right.start || left.end - right.end);
}

// `items` with the item at `from` moved to `to`.
export function moveItem<T>(items: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return items;
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}
