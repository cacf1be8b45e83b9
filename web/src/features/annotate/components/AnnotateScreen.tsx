import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError } from "../../../shared/api/client";
import type { Project, QuestionSpec, RecordJson, ResponseStatus, User } from "../../../shared/api/types";
import { Markdown } from "../../../shared/components/Markdown";
import { TaskTimer } from "../../../shared/timer";
import { hrefs } from "../../../app/route";
import { getProject } from "../../projects/api/listProjects";
import { getRecord, myResponseTo, nextRecord } from "../api/records";
import type { Stop } from "../model/stop";
import { saveResponse } from "../api/saveResponse";
import { keyedAnswer } from "../model/keyAnswers";
import { actionForKey, type KeyAction } from "../model/keymap";
import { answeredValues, problemsByQuestion, validateRequired, type Values } from "../model/questions";
import { recordLayout } from "../model/layout";
import { QuestionCard } from "./QuestionCard";
import { RecordFields } from "./RecordFields";
import { ShortcutsOverlay } from "./ShortcutsOverlay";

const kAutosaveMs = 5000;

// Text pre-filled from suggestions (when the server sends them, i.e. the project shows them).
function initialValues(project: Project, record: RecordJson): Values {
  const values: Values = {};
  for (const suggestion of record.suggestions ?? []) {
    const question = project.schema.questions.find((candidate) => candidate.name === suggestion.question);
    if (question?.kind === "text" && typeof suggestion.value === "string") values[question.name] = suggestion.value;
  }
  return values;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  if (element.tagName === "TEXTAREA" || element.isContentEditable) return true;
  return element.tagName === "INPUT" && !["radio", "checkbox", "button", "submit"].includes((element as HTMLInputElement).type);
}

// The annotate screen: one record at a time, its fields, every question, submit / draft /
// skip, autosave, keyboard shortcuts, guidelines, and the time on task.
export function AnnotateScreen({ projectId, recordId, user }: { projectId: number; recordId?: number; user: User }) {
  const [project, setProject] = useState<Project | null>(null);
  const [record, setRecord] = useState<RecordJson | null>(null);
  const [stop, setStop] = useState<Stop | null>(null);
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState("");
  const [busy, setBusy] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const responseId = useRef<number | null>(null);
  const dirty = useRef(false);
  const submittedAt = useRef<boolean>(false);
  const recordSection = useRef<HTMLElement>(null);
  const doneSection = useRef<HTMLElement>(null);
  // Saves run one after another (an autosave in flight, then the submit), and read the record
  // and answers of the moment they run, not of the render that queued them.
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const submitting = useRef(false);
  const current = useRef<{ record: RecordJson | null; values: Values }>({ record: null, values: {} });
  const timer = useMemo(() => new TaskTimer(document), []);
  useEffect(() => () => timer.dispose(), [timer]);

  const show = (nextProject: Project, nextRecord: RecordJson | null, existing: { id: number; values: Values; time: number } | null,
                nextStop: Stop | null = null) => {
    setRecord(nextRecord);
    setStop(nextRecord === null ? nextStop : null);
    setValues(existing ? existing.values : nextRecord ? initialValues(nextProject, nextRecord) : {});
    responseId.current = existing?.id ?? null;
    dirty.current = false;
    setErrors({});
    setFormErrors([]);
    timer.restart(existing?.time ?? 0);
  };

  const loadNext = async (nextProject: Project) => {
    const next = await nextRecord(projectId);
    show(nextProject, "record" in next ? next.record : null, null, "stop" in next ? next.stop : null);
  };

  useEffect(() => {
    (async () => {
      const loaded = await getProject(projectId);
      setProject(loaded);
      if (recordId === undefined) return loadNext(loaded);
      const [opened, mine] = await Promise.all([getRecord(recordId), myResponseTo(recordId, user.id)]);
      show(loaded, opened, mine ? { id: mine.id, values: mine.values, time: mine.time_spent_ms } : null);
    })().catch((error) => setFormErrors([error.message]));
  }, [projectId, recordId]);

  // After a record appears: focus it (focus is never left on a removed button), and close the
  // "next record shown" measure when a submit started it.
  useEffect(() => {
    if (!record) return;
    recordSection.current?.focus({ preventScroll: false });
    if (submittedAt.current) {
      submittedAt.current = false;
      performance.mark("quorum:next-shown");
      performance.measure("quorum:next-record", "quorum:submit", "quorum:next-shown");
    }
  }, [record?.id]);

  // With no record left, focus goes to the message saying so rather than to <body>.
  useEffect(() => {
    if (stop) doneSection.current?.focus();
  }, [stop]);

  const questions: QuestionSpec[] = project?.schema.questions ?? [];
  current.current = { record, values };

  const send = (status: ResponseStatus, quiet = false): Promise<boolean> => {
    const task = saving.current.then(() => sendNow(status, quiet));
    saving.current = task.catch(() => false);
    return task;
  };

  // An autosave (quiet) is dropped when nothing changed since the last save: above all after a
  // submit, which it must never turn back into a draft.
  const sendNow = async (status: ResponseStatus, quiet: boolean) => {
    const { record, values } = current.current;
    if (!record || !project) return false;
    if (quiet && !dirty.current) return true;
    setBusy(true);
    try {
      const saved = await saveResponse(
        record.id,
        responseId.current,
        { values: status === "discarded" ? {} : answeredValues(questions, values), status, time_spent_ms: timer.elapsedMs() },
        async () => (await myResponseTo(record.id, user.id))?.id ?? null,
      );
      responseId.current = saved.id;
      dirty.current = false;
      setErrors({});
      setFormErrors([]);
      if (!quiet || status !== "draft") setNotice(status === "draft" ? `Draft saved at ${new Date().toLocaleTimeString()}.` : "");
      return true;
    } catch (error) {
      const problem = error as ApiError;
      const { byQuestion, other } = problemsByQuestion(problem.details ?? []);
      setErrors(byQuestion);
      setFormErrors(other.length || Object.keys(byQuestion).length ? other : [problem.message]);
      focusFirstError(Object.keys(byQuestion));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const focusFirstError = (names: string[]) => {
    const first = questions.find((question) => names.includes(question.name));
    if (first) requestAnimationFrame(() => document.getElementById("question-" + first.name)?.focus());
  };

  const afterDone = async () => {
    if (recordId !== undefined) {
      location.hash = hrefs.myWork(projectId);
      return;
    }
    await loadNext(project!);
  };

  // Submit and skip run once at a time; the next record replaces this one when they succeed.
  const finish = async (status: "submitted" | "discarded") => {
    if (submitting.current || !record) return;
    if (status === "submitted") {
      const missing = validateRequired(questions, values);
      if (Object.keys(missing).length > 0) {
        setErrors(missing);
        setFormErrors([]);
        focusFirstError(Object.keys(missing));
        return;
      }
      performance.mark("quorum:submit");
    }
    submitting.current = true;
    try {
      if (!(await send(status))) return;
      submittedAt.current = status === "submitted";
      setNotice(status === "submitted" ? "Submitted." : "Skipped.");
      await afterDone().catch((error) => setFormErrors([error.message]));
    } finally {
      submitting.current = false;
    }
  };
  const submit = () => finish("submitted");
  const skip = () => finish("discarded");

  // `value` may be a function of the question's previous answer (keys toggling a multi-label
  // come faster than renders).
  const change = (name: string, value: unknown | ((previous: unknown) => unknown)) => {
    dirty.current = true;
    setValues((previous) => ({ ...previous, [name]: typeof value === "function" ? value(previous[name]) : value }));
    setErrors((previous) => {
      const { [name]: _cleared, ...rest } = previous;
      return rest;
    });
  };

  // Autosave: a draft a few seconds after the last change, when something is answered.
  useEffect(() => {
    if (!dirty.current || !record) return;
    const pending = setTimeout(() => {
      if (Object.keys(answeredValues(questions, values)).length > 0) send("draft", true);
    }, kAutosaveMs);
    return () => clearTimeout(pending);
  }, [values]);

  const apply = (action: KeyAction, target: EventTarget | null) => {
    if (action.type === "submit") return void submit();
    if (action.type === "saveDraft") return void send("draft");
    if (action.type === "toggleHelp") return setHelpOpen((open) => !open);
    if (action.type === "closeOverlay") return setHelpOpen(false);
    const focused = (target as HTMLElement | null)?.closest?.("[data-question]")?.getAttribute("data-question") ?? null;
    const keyed = keyedAnswer(action, questions, focused);
    if (keyed) change(keyed.question, keyed.update);
  };

  // One listener for the screen's life; it reaches this render's state through a ref, since
  // effects (which could re-register it) run only after the browser paints.
  const keys = useRef({ apply, helpOpen, record });
  keys.current = { apply, helpOpen, record };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { apply, helpOpen, record } = keys.current;
      const action = actionForKey(event, { typing: isTyping(event.target), overlayOpen: helpOpen });
      if (!action || !record) return;
      event.preventDefault();
      apply(action, event.target);
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);

  if (!project) return formErrors.length ? <p class="error" role="alert">{formErrors[0]}</p> : <p class="loading">Loading…</p>;

  const fields = project.schema.fields;
  const layout = recordLayout(project.schema);
  const progress = record?.progress;
  return (
    <div class="annotate">
      <nav class="crumbs" aria-label="Project">
        <a href={hrefs.projects()}>← Projects</a>
        <span class="project-name">{project.name}</span>
        <a href={hrefs.myWork(projectId)}>My work</a>
        <button type="button" class="link" onClick={() => setHelpOpen(true)} aria-haspopup="dialog">Shortcuts (?)</button>
      </nav>
      {progress && (
        <p class="progress-line">
          {progress.mine && <>Mine: {progress.mine.done} / {progress.mine.total}</>}
          {progress.project && <> · Project: {progress.project.done} / {progress.project.total}{progress.project.complete ? " (complete)" : ""}</>}
          {record?.reservation && <> · Reserved until {new Date(record.reservation.expires_at).toLocaleTimeString()}</>}
        </p>
      )}
      {project.guidelines && (
        <details class="guidelines">
          <summary>Guidelines (version {project.guideline_version})</summary>
          <Markdown source={project.guidelines} />
        </details>
      )}
      <p class="notice" role="status" aria-live="polite">{notice}</p>
      {formErrors.length > 0 && (
        <div class="error" role="alert">{formErrors.map((message) => <p key={message}>{message}</p>)}</div>
      )}
      {stop && (
        <section ref={doneSection} class={stop.kind === "done" ? "card done" : "card done " + stop.kind} tabIndex={-1} data-stop={stop.kind}>
          <h2>{stop.title}</h2>
          <p>{stop.message}</p>
          <a class="button" href={hrefs.myWork(projectId)}>See my work</a>
        </section>
      )}
      {record && (
        <form class={"record" + (layout.shown.length + layout.compared.length === 0 ? " questions-only" : "")}
              onSubmit={(event) => { event.preventDefault(); submit(); }} aria-label={`Record ${record.external_id || record.id}`}>
          <RecordFields record={record} layout={layout} sectionRef={recordSection} />
          <section class="questions" aria-label="Questions">
            {questions.map((question) => (
              <QuestionCard key={question.name} question={question} value={values[question.name]} error={errors[question.name]}
                            onChange={(value) => change(question.name, value)} fields={fields} recordFields={record.fields}
                            suggestion={record.suggestions?.find((candidate) => candidate.question === question.name)} />
            ))}
          </section>
          <div class="submit-bar">
            <button type="submit" disabled={busy}>Submit <kbd>Ctrl+Enter</kbd></button>
            <button type="button" class="secondary" disabled={busy} onClick={() => send("draft")}>Save draft</button>
            <button type="button" class="secondary" disabled={busy} onClick={skip}>Skip</button>
          </div>
        </form>
      )}
      {helpOpen && <ShortcutsOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
