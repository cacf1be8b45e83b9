import { apiRequest } from "../../../shared/api/client";
import type { ReviewJson, ReviewVerdict } from "../../../shared/api/types";

// Accepts or rejects a submitted response, replacing its review; returns the new review.
export async function reviewResponse(responseId: number, verdict: ReviewVerdict, comment: string): Promise<ReviewJson> {
  const body = comment.trim() ? { verdict, comment: comment.trim() } : { verdict };
  const answer = await apiRequest<{ review: ReviewJson }>("POST", `/api/v1/responses/${responseId}/review`, body);
  return answer.review;
}

// Removes the response's review.
export async function clearReview(responseId: number): Promise<void> {
  await apiRequest("DELETE", `/api/v1/responses/${responseId}/review`);
}
