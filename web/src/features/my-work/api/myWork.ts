import { apiRequest } from "../../../shared/api/client";
import type { ResponseJson } from "../../../shared/api/types";

export interface MyWorkItem {
  record: { id: number; external_id: string; preview: string };
  response: ResponseJson;
}

export interface MyWork {
  items: MyWorkItem[];
  next_cursor: number | null;
  counts: { submitted: number; draft: number; discarded: number; records: number };
  allow_edit_submitted: boolean;
}

// The caller's responses in a project (100 a page, `after` the previous page's next_cursor).
export function myWork(projectId: number, after?: number): Promise<MyWork> {
  const query = after ? `?after=${after}` : "";
  return apiRequest<MyWork>("GET", `/api/v1/projects/${projectId}/my-work${query}`);
}
