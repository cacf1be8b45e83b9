import { useEffect, useState } from "preact/hooks";
import type { Project, Role } from "../../../shared/api/types";
import { hrefs } from "../../../app/route";
import { listProjects } from "../api/listProjects";
import { myWork, type MyWork } from "../../my-work/api/myWork";
import { workspaceRoles } from "../../auth/api/session";
import { mayReview } from "../../review/model/reviewRows";

type Counts = MyWork["counts"];

// The projects the caller can annotate, with their own progress in each.
export function ProjectsScreen() {
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [counts, setCounts] = useState<Record<number, Counts>>({});
  const [roles, setRoles] = useState<Record<number, Role>>({});
  const [error, setError] = useState("");

  useEffect(() => {
    workspaceRoles().then(setRoles, () => undefined);
    listProjects()
      .then(async (list) => {
        setProjects(list);
        // Progress is filled in as it arrives; a project whose count fails still shows.
        for (const project of list)
          myWork(project.id).then(
            (work) => setCounts((previous) => ({ ...previous, [project.id]: work.counts })),
            () => undefined,
          );
      })
      .catch((problem) => setError(problem.message));
  }, []);

  if (error) return <p class="error" role="alert">{error}</p>;
  if (!projects) return <p class="loading">Loading projects…</p>;
  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">My projects</h1>
      {projects.length === 0 && <p>You are not in any project yet. Ask a manager to add you.</p>}
      <ul class="project-list">
        {projects.map((project) => {
          const mine = counts[project.id];
          const percent = mine && mine.records > 0 ? Math.round((100 * mine.submitted) / mine.records) : 0;
          return (
            <li key={project.id} class="card project">
              <h2>{project.name}</h2>
              {mine ? (
                <>
                  <progress max={mine.records} value={mine.submitted} aria-label={`My progress in ${project.name}`} />
                  <p class="muted">
                    {mine.submitted} submitted by me ({percent}% of {mine.records} records)
                    {mine.draft > 0 && `, ${mine.draft} drafts`}
                    {mine.discarded > 0 && `, ${mine.discarded} skipped`}
                  </p>
                </>
              ) : (
                <p class="muted">Loading progress…</p>
              )}
              <div class="actions">
                <a class="button" href={hrefs.annotate(project.id)} aria-label={`Annotate ${project.name}`}>Annotate</a>
                <a class="button secondary" href={hrefs.myWork(project.id)} aria-label={`My work in ${project.name}`}>My work</a>
                {mayReview(roles[project.workspace_id]) && (
                  <a class="button secondary" href={hrefs.review(project.id)} aria-label={`Review ${project.name}`}>Review</a>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
