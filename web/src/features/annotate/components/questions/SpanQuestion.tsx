import { useEffect, useRef, useState } from "preact/hooks";
import { codePointOffset, stepUtf16, utf16Offset } from "../../../../shared/text/offsets";
import { wordStepUtf16 } from "../../../../shared/text/words";
import { addSpan, type Span } from "../../model/questions";
import type { QuestionProps } from "./props";

interface Selection16 {
  start: number; // UTF-16 offsets in the text, start < end
  end: number;
}

// The UTF-16 offset of a DOM position inside `container`: the length of the text before it.
function offsetInside(container: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

// The DOM position of UTF-16 offset `target` inside `container`.
function positionOf(container: Node, target: number): [Node, number] {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (target <= seen + length) return [node, target - seen];
    seen += length;
  }
  return [container, container.childNodes.length];
}

// Pieces of the text between span boundaries, each with the spans covering it.
function segments(text: string, spans: Span[]): { from: number; to: number; covering: Span[] }[] {
  const bounds = new Set([0, text.length]);
  const units = spans.map((span) => ({ span, from: utf16Offset(text, span.start), to: utf16Offset(text, span.end) }));
  for (const unit of units) bounds.add(unit.from).add(unit.to);
  const sorted = [...bounds].sort((left, right) => left - right);
  const pieces = [];
  for (let index = 0; index + 1 < sorted.length; ++index) {
    const [from, to] = [sorted[index], sorted[index + 1]];
    pieces.push({ from, to, covering: units.filter((unit) => unit.from <= from && to <= unit.to).map((unit) => unit.span) });
  }
  return pieces;
}

// Spans over a text field: select with the mouse, or focus the text and use Shift+arrows
// (Ctrl+Shift+arrows by word, Home/End jump), then pick a label with its button or number key. Offsets are stored in code
// points (docs/schema.md); the DOM works in UTF-16 units, converted by shared/text/offsets.
export function SpanQuestion({ question, value, onChange, recordFields }: QuestionProps) {
  const text = String(recordFields[question.field ?? ""] ?? "");
  const spans = Array.isArray(value) ? (value as Span[]) : [];
  const labels = question.labels ?? [];
  const container = useRef<HTMLDivElement>(null);
  const caret = useRef({ anchor: 0, focus: 0 });
  const [selection, setSelection] = useState<Selection16 | null>(null);
  const [problem, setProblem] = useState("");

  useEffect(() => {
    const onSelectionChange = () => {
      const current = getSelection();
      const box = container.current;
      if (!current || !box || current.rangeCount === 0) return;
      if (!box.contains(current.anchorNode) || !box.contains(current.focusNode)) return;
      const anchor = offsetInside(box, current.anchorNode!, current.anchorOffset);
      const focus = offsetInside(box, current.focusNode!, current.focusOffset);
      caret.current = { anchor, focus };
      setSelection(anchor === focus ? null : { start: Math.min(anchor, focus), end: Math.max(anchor, focus) });
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, []);

  const mark = (label: string) => {
    if (!selection) return setProblem("Select some text first.");
    const span = { start: codePointOffset(text, selection.start), end: codePointOffset(text, selection.end), label };
    const next = addSpan(spans, span, question.allow_overlap ?? false);
    if (typeof next === "string") return setProblem(next);
    setProblem("");
    onChange(next);
    setSelection(null);
    getSelection()?.removeAllRanges();
    container.current?.focus();
  };

  // Keyboard selection: the browser has no caret in read-only text, so this keeps one and
  // shows it as the document selection.
  const onKeyDown = (event: KeyboardEvent) => {
    const box = container.current!;
    let { anchor, focus } = caret.current;
    if (/^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const label = labels[Number(event.key) - 1];
      if (label) mark(label);
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      const step = event.ctrlKey || event.altKey ? wordStepUtf16 : stepUtf16; // Alt: the word key on macOS
      focus = step(text, focus, event.key === "ArrowRight" ? 1 : -1);
    }
    else if (event.key === "Home") focus = 0;
    else if (event.key === "End") focus = text.length;
    else return;
    event.preventDefault();
    if (!event.shiftKey) anchor = focus;
    caret.current = { anchor, focus };
    const [anchorNode, anchorOffset] = positionOf(box, anchor);
    const [focusNode, focusOffset] = positionOf(box, focus);
    getSelection()?.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
  };

  const remove = (index: number) => onChange(spans.filter((_, other) => other !== index));
  const selected = selection ? text.slice(selection.start, selection.end) : "";
  return (
    <div class="span-question">
      <div
        ref={container}
        class="span-text"
        tabIndex={0}
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label={`Text to mark for ${question.title || question.name}: select a passage, then pick a label`}
        onKeyDown={onKeyDown}
      >
        {segments(text, spans).map((piece) => {
          const part = text.slice(piece.from, piece.to);
          if (piece.covering.length === 0) return part;
          const label = piece.covering[piece.covering.length - 1].label;
          return <mark key={piece.from} data-label={label} class={"span-label-" + (labels.indexOf(label) % 6)}>{part}</mark>;
        })}
      </div>
      <p class="muted" aria-live="polite">
        {selection ? <>Selected: “{selected}”</> : "Nothing selected."}
      </p>
      <div class="span-labels" role="group" aria-label="Label the selection">
        {labels.map((label, index) => (
          <button key={label} type="button" class={"secondary span-label-" + (index % 6)}
                  onMouseDown={(event) => event.preventDefault()} onClick={() => mark(label)}>
            {index < 9 && <kbd aria-hidden="true">{index + 1}</kbd>} {label}
          </button>
        ))}
      </div>
      {problem && <p class="error" role="alert">{problem}</p>}
      <ul class="span-list" aria-label="Marked spans">
        {spans.map((span, index) => (
          <li key={`${span.start}-${span.end}-${span.label}`}>
            <span class={"badge span-label-" + (labels.indexOf(span.label) % 6)}>{span.label}</span> “
            {text.slice(utf16Offset(text, span.start), utf16Offset(text, span.end))}”
            <button type="button" class="link" aria-label={`Remove ${span.label} span ${index + 1}`} onClick={() => remove(index)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
