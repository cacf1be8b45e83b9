// The screens, addressed by the URL hash so that the server only ever serves index.html.
export type Route =
  | { screen: "projects" }
  | { screen: "annotate"; projectId: number; recordId?: number }
  | { screen: "myWork"; projectId: number }
  | { screen: "review"; projectId: number };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  const projectId = Number(parts[1]);
  if (parts[0] === "projects" && Number.isInteger(projectId) && projectId > 0) {
    if (parts[2] === "annotate") {
      const recordId = Number(parts[3]);
      return { screen: "annotate", projectId, recordId: Number.isInteger(recordId) && recordId > 0 ? recordId : undefined };
    }
    if (parts[2] === "my-work") return { screen: "myWork", projectId };
    if (parts[2] === "review") return { screen: "review", projectId };
  }
  return { screen: "projects" };
}

export const hrefs = {
  projects: () => "#/",
  annotate: (projectId: number, recordId?: number) => `#/projects/${projectId}/annotate${recordId ? "/" + recordId : ""}`,
  myWork: (projectId: number) => `#/projects/${projectId}/my-work`,
  review: (projectId: number) => `#/projects/${projectId}/review`,
};
