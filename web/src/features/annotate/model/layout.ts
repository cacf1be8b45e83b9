// Where each field of a record goes on the annotate screen: the responses a preference or
// ranking compares side by side, the text a span question marks inside that question (not
// twice), and every other field above them.
import type { FieldSpec, Schema } from "../../../shared/api/types";

export interface RecordLayout {
  shown: FieldSpec[];
  compared: FieldSpec[];
}

export function recordLayout(schema: Schema): RecordLayout {
  const compared = new Set(
    schema.questions.filter((question) => question.kind === "preference" || question.kind === "ranking").flatMap((question) => question.options ?? []),
  );
  const spanned = new Set(schema.questions.filter((question) => question.kind === "span").map((question) => question.field));
  return {
    shown: schema.fields.filter((field) => !compared.has(field.name) && !spanned.has(field.name)),
    compared: schema.fields.filter((field) => compared.has(field.name)),
  };
}
