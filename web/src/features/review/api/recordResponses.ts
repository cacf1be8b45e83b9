import { apiRequest } from "../../../shared/api/client";
import type { ResponseJson } from "../../../shared/api/types";

// Every response to a record, each with its review (reviewers and up see all of them).
export async function recordResponses(recordId: number): Promise<ResponseJson[]> {
  const answer = await apiRequest<{ responses: ResponseJson[] }>("GET", `/api/v1/records/${recordId}/responses`);
  return answer.responses;
}
