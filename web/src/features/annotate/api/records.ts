import { ApiError, apiRequest } from "../../../shared/api/client";
import type { RecordJson, ResponseJson } from "../../../shared/api/types";

// The caller's next record, or null when none is left for them (404 no_more_records).
export async function nextRecord(projectId: number): Promise<RecordJson | null> {
  try {
    return await apiRequest<RecordJson>("GET", `/api/v1/projects/${projectId}/next`);
  } catch (error) {
    if (error instanceof ApiError && error.code === "no_more_records") return null;
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
