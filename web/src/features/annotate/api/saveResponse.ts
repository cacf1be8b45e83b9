import { ApiError, apiRequest } from "../../../shared/api/client";
import type { ResponseJson, ResponseStatus } from "../../../shared/api/types";

export interface ResponseBody {
  values: Record<string, unknown>;
  status: ResponseStatus;
  time_spent_ms: number;
}

// Creates the caller's response to the record, or changes it (a new revision) when they have
// one: `responseId` when known, else found after the server's 409.
export async function saveResponse(
  recordId: number,
  responseId: number | null,
  body: ResponseBody,
  findExisting: () => Promise<number | null>,
): Promise<ResponseJson> {
  if (responseId !== null) return apiRequest<ResponseJson>("PATCH", `/api/v1/responses/${responseId}`, body);
  try {
    return await apiRequest<ResponseJson>("POST", `/api/v1/records/${recordId}/responses`, body);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    const existing = await findExisting();
    if (existing === null) throw error;
    return apiRequest<ResponseJson>("PATCH", `/api/v1/responses/${existing}`, body);
  }
}
