import { useEffect, useState } from "preact/hooks";
import { hrefs } from "../../../app/route";
import { myWork, type MyWorkItem } from "../api/myWork";

const kStatusNames = { draft: "Draft", submitted: "Submitted", discarded: "Skipped" };
const kVerdictNames = { accepted: "Accepted", rejected: "Rejected" };

// The caller's responses in a project, with a reviewer's verdict and comment on each reviewed
// one; drafts reopen to finish, submitted ones to edit when the project allows it (setting
// allow_edit_submitted).
export function MyWorkScreen({ projectId }: { projectId: number }) {
  const [items, setItems] = useState<MyWorkItem[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [allowEdit, setAllowEdit] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState("");

  const load = (after?: number) =>
    myWork(projectId, after)
      .then((page) => {
        setItems((previous) => [...(after ? previous : []), ...page.items]);
        setCursor(page.next_cursor);
        setAllowEdit(page.allow_edit_submitted);
        setLoaded(true);
      })
      .catch((problem) => setError(problem.message));

  useEffect(() => {
    load();
  }, [projectId]);

  if (error) return <p class="error" role="alert">{error}</p>;
  if (!loaded) return <p class="loading">Loading your work…</p>;
  return (
    <section aria-labelledby="my-work-title">
      <p><a href={hrefs.projects()}>← Projects</a> · <a href={hrefs.annotate(projectId)}>Annotate</a></p>
      <h1 id="my-work-title">My work</h1>
      {items.length === 0 && <p>Nothing yet.</p>}
      <table class="work">
        <thead>
          <tr><th scope="col">Record</th><th scope="col">Status</th><th scope="col">Review</th><th scope="col">Updated</th><th scope="col"><span class="visually-hidden">Action</span></th></tr>
        </thead>
        <tbody>
          {items.map(({ record, response }) => {
            const editable = response.status !== "submitted" || allowEdit;
            return (
              <tr key={response.id}>
                <td><span class="muted">{record.external_id || "#" + record.id}</span> {record.preview}</td>
                <td>{kStatusNames[response.status]}</td>
                <td>
                  {response.review ? (
                    <>
                      <span class={`verdict verdict-${response.review.verdict}`}>{kVerdictNames[response.review.verdict]}</span>
                      {response.review.comment && <q class="review-comment">{response.review.comment}</q>}
                    </>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
                <td>{new Date(response.updated_at).toLocaleString()}</td>
                <td>
                  {editable ? (
                    <a class="button secondary" href={hrefs.annotate(projectId, record.id)}>
                      {response.status === "draft" ? "Continue" : "Edit"}
                    </a>
                  ) : (
                    <span class="muted">Locked</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {cursor !== null && <button type="button" class="secondary" onClick={() => load(cursor)}>Show more</button>}
    </section>
  );
}
