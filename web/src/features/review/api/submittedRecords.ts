import { apiRequest } from "../../../shared/api/client";
import type { RecordJson } from "../../../shared/api/types";

export interface RecordPage {
  records: RecordJson[];
  next_cursor: number | null;
}

// A page of the project's records that have a submitted response (reviewers and up).
export function submittedRecords(projectId: number, after?: number): Promise<RecordPage> {
  const cursor = after ? `&after=${after}` : "";
  return apiRequest<RecordPage>("GET", `/api/v1/projects/${projectId}/records?response_status=submitted&limit=20${cursor}`);
}
