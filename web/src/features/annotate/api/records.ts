import { ApiError, apiRequest } from "../../../shared/api/client";
import type { RecordJson, ResponseJson } from "../../../shared/api/types";
import { type Stop, stopFromNextError } from "../model/stop";

// The caller's next record, or why there is none for them now (none left, paused, suspended).
export async function nextRecord(projectId: number): Promise<{ record: RecordJson } | { stop: Stop }> {
  try {
    return { record: await apiRequest<RecordJson>("GET", `/api/v1/projects/${projectId}/next`) };
  } catch (error) {
    const stop = error instanceof ApiError ? stopFromNextError(error.code, error.message, error.info) : null;
    if (stop) return { stop };
    throw error;
  }
}

export function getRecord(recordId: number): Promise<RecordJson> {
  return apiRequest<RecordJson>("GET", `/api/v1/records/${recordId}`);
}

// The caller's own response to a record, if any (the server shows annotators only theirs).
export async function myResponseTo(recordId: number, userId: number): Promise<ResponseJson | null> {
  const answer = await apiRequest<{ responses: ResponseJson[] }>("GET", `/api/v1/records/${recordId}/responses`);
  return answer.responses.find((response) => response.user_id === userId) ?? null;
}
