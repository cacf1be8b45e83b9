// The annotate screen's keyboard: a pure map from a key press to an action, so that it can be
// tested without a browser and listed in the `?` overlay from the same table.

export type KeyAction =
  | { type: "submit" }
  | { type: "saveDraft" }
  | { type: "toggleHelp" }
  | { type: "closeOverlay" }
  | { type: "choose"; index: number } // 0-based: the N-th choice of the active question
  | { type: "prefer"; side: "A" | "B" | "tie" };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface KeyContext {
  typing: boolean; // focus is in a text box: plain keys are text, not shortcuts
  overlayOpen: boolean;
}

export function actionForKey(press: KeyPress, context: KeyContext): KeyAction | null {
  const command = press.ctrlKey || press.metaKey;
  if (command && press.key === "Enter") return { type: "submit" };
  if (command && (press.key === "s" || press.key === "S")) return { type: "saveDraft" };
  if (press.key === "Escape" && context.overlayOpen) return { type: "closeOverlay" };
  if (context.typing || command || press.altKey) return null;
  if (press.key === "?") return { type: "toggleHelp" };
  if (/^[1-9]$/.test(press.key)) return { type: "choose", index: Number(press.key) - 1 };
  if (press.key === "0") return { type: "choose", index: 9 };
  const lower = press.key.toLowerCase();
  if (press.key.length === 1 && lower === "a") return { type: "prefer", side: "A" };
  if (press.key.length === 1 && lower === "b") return { type: "prefer", side: "B" };
  if (press.key.length === 1 && lower === "t") return { type: "prefer", side: "tie" };
  return null;
}

// What the `?` overlay lists.
export const kShortcuts: [keys: string, what: string][] = [
  ["1 … 9, 0", "pick the N-th label, rating or scale point of the focused question (else the first one)"],
  ["A / B / T", "preference: A is better, B is better, tie"],
  ["Ctrl+Enter", "submit and go to the next record"],
  ["Ctrl+S", "save a draft"],
  ["Tab / Shift+Tab", "move between questions and controls"],
  ["Shift+← / Shift+→", "in a span text: extend the selection; then a number picks its label"],
  ["Ctrl+Shift+← / Ctrl+Shift+→", "in a span text: extend the selection by a word"],
  ["Alt+↑ / Alt+↓", "in a ranking: move the focused item up or down"],
  ["?", "show or hide this list"],
  ["Esc", "close this list"],
];
