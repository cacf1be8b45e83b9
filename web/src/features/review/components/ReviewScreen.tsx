import { useEffect, useState } from "preact/hooks";
import { hrefs } from "../../../app/route";
import type { Project, RecordJson, ResponseJson, ReviewVerdict } from "../../../shared/api/types";
import { getProject } from "../../projects/api/listProjects";
import { recordResponses } from "../api/recordResponses";
import { clearReview, reviewResponse } from "../api/reviewResponse";
import { submittedRecords } from "../api/submittedRecords";
import { reviewRows, reviewTally, type ReviewRow } from "../model/reviewRows";

// The first field's text, shortened: enough to tell records apart.
function preview(record: RecordJson, project: Project): string {
  const first = project.schema.fields[0];
  const value = first ? record.fields[first.name] : undefined;
  const text = typeof value === "string" ? value : JSON.stringify(value ?? "");
  return text.length > 160 ? text.slice(0, 157) + "…" : text;
}

// One submitted response with its answers, its verdict and the Accept / Reject buttons.
function ResponseReview({ row, onChanged }: { row: ReviewRow; onChanged: () => void }) {
  const [comment, setComment] = useState(row.comment);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const act = (action: () => Promise<unknown>) => {
    setBusy(true);
    setError("");
    action()
      .then(onChanged, (problem) => setError(problem.message))
      .finally(() => setBusy(false));
  };
  const decide = (verdict: ReviewVerdict) => act(() => reviewResponse(row.responseId, verdict, comment));
  const label = `response ${row.responseId}`;
  return (
    <li class={`card review-item${row.verdict ? " verdict-" + row.verdict : ""}`} data-response={row.responseId}>
      <p class="muted">
        Response {row.responseId} by user {row.userId}
        {" · "}
        <strong class="verdict">{row.verdict === "accepted" ? "Accepted" : row.verdict === "rejected" ? "Rejected" : "Not reviewed"}</strong>
      </p>
      <dl class="answers">
        {row.answers.map((answer) => (
          <div key={answer.question}>
            <dt>{answer.question}</dt>
            <dd>{answer.text}</dd>
          </div>
        ))}
      </dl>
      <label>
        Comment (optional)
        <input value={comment} maxLength={10000} onInput={(event) => setComment((event.target as HTMLInputElement).value)} />
      </label>
      <div class="actions">
        <button type="button" disabled={busy} aria-pressed={row.verdict === "accepted"} aria-label={`Accept ${label}`} onClick={() => decide("accepted")}>
          Accept
        </button>
        <button type="button" class="secondary" disabled={busy} aria-pressed={row.verdict === "rejected"} aria-label={`Reject ${label}`} onClick={() => decide("rejected")}>
          Reject
        </button>
        {row.verdict && (
          <button type="button" class="link" disabled={busy} onClick={() => act(() => clearReview(row.responseId))}>
            Clear
          </button>
        )}
      </div>
      {error && <p class="error" role="alert">{error}</p>}
    </li>
  );
}

// One record: its preview and the review of each submitted response.
function RecordReview({ record, project }: { record: RecordJson; project: Project }) {
  const [responses, setResponses] = useState<ResponseJson[] | null>(null);
  const [error, setError] = useState("");
  const load = () => recordResponses(record.id).then(setResponses, (problem) => setError(problem.message));
  useEffect(() => {
    load();
  }, [record.id]);
  const rows = responses ? reviewRows(responses, project.schema) : [];
  return (
    <li class="review-record" aria-labelledby={`record-${record.id}`}>
      <h2 id={`record-${record.id}`} class="record-name">
        {record.external_id || "#" + record.id} <span class="muted">{preview(record, project)}</span>
      </h2>
      {error && <p class="error" role="alert">{error}</p>}
      {responses && <p class="muted">{reviewTally(rows)}</p>}
      <ul class="review-list">
        {rows.map((row) => (
          <ResponseReview key={`${row.responseId}/${row.verdict}/${row.comment}`} row={row} onChanged={load} />
        ))}
      </ul>
    </li>
  );
}

// Reviewers and up: the project's records with submitted responses, to accept or reject each.
export function ReviewScreen({ projectId }: { projectId: number }) {
  const [project, setProject] = useState<Project | null>(null);
  const [records, setRecords] = useState<RecordJson[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [error, setError] = useState("");

  const load = (after?: number) =>
    submittedRecords(projectId, after)
      .then((page) => {
        setRecords((previous) => [...(after ? previous : []), ...page.records]);
        setCursor(page.next_cursor);
      })
      .catch((problem) => setError(problem.message));

  useEffect(() => {
    getProject(projectId).then(setProject, (problem) => setError(problem.message));
    load();
  }, [projectId]);

  if (error) return <p class="error" role="alert">{error}</p>;
  if (!project) return <p class="loading">Loading…</p>;
  return (
    <section aria-labelledby="review-title">
      <p><a href={hrefs.projects()}>← Projects</a></p>
      <h1 id="review-title">Review: {project.name}</h1>
      <p class="muted">Rejected answers never count in training exports; exports with “only accepted” count only accepted ones.</p>
      {records.length === 0 && <p>No submitted responses yet.</p>}
      <ul class="review-records">
        {records.map((record) => (
          <RecordReview key={record.id} record={record} project={project} />
        ))}
      </ul>
      {cursor !== null && <button type="button" class="secondary" onClick={() => load(cursor)}>Show more</button>}
    </section>
  );
}
