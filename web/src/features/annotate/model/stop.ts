// Why the annotate screen shows no record: the project has none left for the caller, a manager
// paused it (or them), or the gold rule suspended them. Pure: read from the error /next answers.

export type StopKind = "done" | "paused" | "suspended";

export interface Stop {
  kind: StopKind;
  title: string;
  message: string;
}

// What GET /api/v1/projects/{id}/next adds to a 403 "suspended" (error.suspension).
export interface SuspensionJson {
  gold: { answered: number; correct: number; accuracy: number | null };
  threshold: number;
  after: number;
  reason: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

// The stop an error of /next stands for, or null when it is a real failure (shown as an error).
export function stopFromNextError(code: string, message: string, info: { suspension?: SuspensionJson } = {}): Stop | null {
  if (code === "no_more_records")
    return { kind: "done", title: "All done", message: "There is no record left for you in this project. Thank you!" };
  if (code === "paused")
    return { kind: "paused", title: "Paused", message: `${message}. Your drafts are kept; come back later.` };
  if (code === "suspended") {
    const suspension = info.suspension;
    const figures = suspension
      ? `${suspension.gold.correct} of ${suspension.gold.answered} of your answers to quality-check records matched ` +
        `the known answer (${percent(suspension.gold.accuracy ?? 0)}); this project asks for at least ${percent(suspension.threshold)}.`
      : message;
    return {
      kind: "suspended",
      title: "Suspended",
      message: `${figures} No new records are handed to you until a manager reinstates you. ` +
        "Drafts you saved can still be finished from My work.",
    };
  }
  return null;
}
