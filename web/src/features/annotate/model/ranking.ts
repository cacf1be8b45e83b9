// What a ranking question orders, as plain data: the response fields its options name, or the
// items of the record's item_list field (Label Studio's List, different in every record), and
// the order to show (the answer when it ranks exactly these items, else the items as given).
// Answers carry item ids as strings, as Label Studio's results do (docs/schema.md).
import type { FieldSpec, ListItem, QuestionSpec } from "../../../shared/api/types";

export interface RankItem {
  id: string; // what the answer lists
  title: string;
  text: string; // plain text shown under the title (a field's value, an item's body)
  html?: string; // an item's html, shown sanitized
  fromField: boolean; // the text is a response field also shown in full above the question
}

function fieldItem(fields: FieldSpec[], recordFields: Record<string, unknown>, name: string): RankItem {
  const field = fields.find((candidate) => candidate.name === name);
  const value = recordFields[name];
  return { id: name, title: field?.title || name, text: typeof value === "string" ? value : "", fromField: true };
}

function listItem(item: ListItem): RankItem {
  const id = String(item.id);
  return {
    id,
    title: typeof item.title === "string" && item.title !== "" ? item.title : id,
    text: typeof item.body === "string" ? item.body : "",
    html: typeof item.html === "string" ? item.html : undefined,
    fromField: false,
  };
}

// The items `question` ranks for this record, in the order the record (or schema) gives them.
export function rankingItems(question: QuestionSpec, fields: FieldSpec[], recordFields: Record<string, unknown>): RankItem[] {
  if (question.field) {
    const items = recordFields[question.field];
    if (!Array.isArray(items)) return [];
    return (items as ListItem[]).filter((item) => item && (typeof item.id === "string" || typeof item.id === "number")).map(listItem);
  }
  return (question.options ?? []).map((name) => fieldItem(fields, recordFields, name));
}

// The ids in the order to show: `value` when it is a ranking of exactly these items (a saved
// answer or a suggestion), otherwise the items' own order.
export function rankingOrder(items: RankItem[], value: unknown): string[] {
  const ids = items.map((item) => item.id);
  if (!Array.isArray(value) || value.length !== ids.length) return ids;
  const given = value.map(String);
  const same = new Set(given).size === ids.length && given.every((id) => ids.includes(id));
  return same ? given : ids;
}

// The item_list fields shown inside a ranking question rather than with the record.
export function rankedListFields(questions: QuestionSpec[]): Set<string> {
  return new Set(questions.filter((question) => question.kind === "ranking" && question.field).map((question) => question.field as string));
}
