import type { FieldSpec, QuestionSpec, Suggestion } from "../../../../shared/api/types";

// What every question view gets.
export interface QuestionProps {
  question: QuestionSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  fields: FieldSpec[];
  recordFields: Record<string, unknown>;
  suggestion?: Suggestion;
}

export function fieldTitle(fields: FieldSpec[], name: string): string {
  const field = fields.find((candidate) => candidate.name === name);
  return field?.title || name;
}
