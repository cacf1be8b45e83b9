// Where each field of a record goes on the annotate screen: the responses a preference or
// ranking compares side by side, the text a span question marks and the items a ranking orders
// inside that question (not twice), and every other field above them.
import type { FieldSpec, Schema } from "../../../shared/api/types";
import { rankedListFields } from "./ranking";

export interface RecordLayout {
  shown: FieldSpec[];
  compared: FieldSpec[];
}

export function recordLayout(schema: Schema): RecordLayout {
  const compared = new Set(
    schema.questions.filter((question) => question.kind === "preference" || question.kind === "ranking").flatMap((question) => question.options ?? []),
  );
  const inQuestion = new Set(schema.questions.filter((question) => question.kind === "span").map((question) => question.field));
  for (const ranked of rankedListFields(schema.questions)) inQuestion.add(ranked);
  return {
    shown: schema.fields.filter((field) => !compared.has(field.name) && !inQuestion.has(field.name)),
    compared: schema.fields.filter((field) => compared.has(field.name)),
  };
}
