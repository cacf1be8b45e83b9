// The server's JSON shapes the UI reads (see README "REST API" and docs/schema.md).

export type FieldKind = "text" | "markdown" | "chat" | "image_url" | "item_list";
export type QuestionKind = "label" | "multi_label" | "rating" | "text" | "span" | "ranking" | "preference";
export type PreferenceScale = "binary" | "three_way" | "five_point";

export interface FieldSpec {
  name: string;
  title: string;
  kind: FieldKind;
  required?: boolean;
}

export interface QuestionSpec {
  name: string;
  title: string;
  description?: string;
  kind: QuestionKind;
  required?: boolean;
  labels?: string[];
  values?: number[];
  field?: string;
  allow_overlap?: boolean;
  options?: string[];
  scale?: PreferenceScale;
}

export interface Schema {
  fields: FieldSpec[];
  questions: QuestionSpec[];
}

export interface Project {
  id: number;
  workspace_id: number;
  name: string;
  schema: Schema;
  guidelines: string;
  guideline_version: number;
  settings: Record<string, unknown>;
}

// One item of an item_list field (Label Studio's <List> data): ids are strings or integers.
export interface ListItem {
  id: string | number;
  title?: string;
  body?: string;
  html?: string;
}

export interface ChatMessage {
  role: string;
  content: string;
}

export interface Suggestion {
  question: string;
  value: unknown;
  agent: string;
  score: number | null;
}

export interface Progress {
  mine?: { done: number; total: number };
  project?: { done: number; total: number; complete?: boolean };
}

export interface RecordJson {
  id: number;
  external_id: string;
  fields: Record<string, unknown>;
  metadata: Record<string, unknown>;
  suggestions?: Suggestion[];
  // Present once the distribution engine serves /next.
  reservation?: { expires_at: string };
  progress?: Progress;
}

export type ResponseStatus = "draft" | "submitted" | "discarded";

export type ReviewVerdict = "accepted" | "rejected";

// A response's current review; reviewer_id only for reviewers and up.
export interface ReviewJson {
  verdict: ReviewVerdict;
  comment: string;
  reviewed_at: string;
  reviewer_id?: number;
}

export interface ResponseJson {
  id: number;
  record_id: number;
  user_id: number;
  values: Record<string, unknown>;
  status: ResponseStatus;
  time_spent_ms: number;
  updated_at: string;
  // On responses listed for a record: null when unreviewed.
  review?: ReviewJson | null;
}

export type Role = "owner" | "manager" | "reviewer" | "annotator";

export interface User {
  id: number;
  email: string;
  name: string;
}
