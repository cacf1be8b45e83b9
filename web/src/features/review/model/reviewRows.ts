// What the Review screen shows of a record's responses: the submitted ones (drafts and skips are
// not reviewed), each answer as short text, and the verdict. No UI framework here.
import type { ResponseJson, ReviewVerdict, Role, Schema } from "../../../shared/api/types";

export interface ReviewRow {
  responseId: number;
  userId: number;
  answers: { question: string; text: string }[];
  verdict: ReviewVerdict | null;
  comment: string;
}

// Reviewers, managers and owners review.
export function mayReview(role: Role | undefined): boolean {
  return role === "owner" || role === "manager" || role === "reviewer";
}

// An answer as one line: a label or option as it is, a list joined, spans and other objects as
// compact JSON.
export function answerText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number"))
    return value.join(", ");
  return JSON.stringify(value);
}

// The submitted responses in id order, their answers in the schema's question order.
export function reviewRows(responses: ResponseJson[], schema: Schema): ReviewRow[] {
  return responses
    .filter((response) => response.status === "submitted")
    .sort((a, b) => a.id - b.id)
    .map((response) => ({
      responseId: response.id,
      userId: response.user_id,
      answers: schema.questions
        .filter((question) => response.values[question.name] !== undefined)
        .map((question) => ({ question: question.title || question.name, text: answerText(response.values[question.name]) })),
      verdict: response.review?.verdict ?? null,
      comment: response.review?.comment ?? "",
    }));
}

// "2 accepted, 1 rejected, 1 to review" for a record's rows.
export function reviewTally(rows: ReviewRow[]): string {
  const accepted = rows.filter((row) => row.verdict === "accepted").length;
  const rejected = rows.filter((row) => row.verdict === "rejected").length;
  return `${accepted} accepted, ${rejected} rejected, ${rows.length - accepted - rejected} to review`;
}
