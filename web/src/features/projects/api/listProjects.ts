import { apiRequest } from "../../../shared/api/client";
import type { Project } from "../../../shared/api/types";

export async function listProjects(): Promise<Project[]> {
  return (await apiRequest<{ projects: Project[] }>("GET", "/api/v1/projects")).projects;
}

export function getProject(id: number): Promise<Project> {
  return apiRequest<Project>("GET", `/api/v1/projects/${id}`);
}
