import { useState } from "preact/hooks";
import { moveItem } from "../../model/questions";
import { fieldTitle, type QuestionProps } from "./props";

// Order the compared responses, best first: drag an item, or focus it and press Alt+↑/↓, or use
// its buttons. The order counts as an answer once the annotator has moved or confirmed it.
export function RankingQuestion({ question, value, onChange, fields, recordFields }: QuestionProps) {
  const order = Array.isArray(value) ? (value as string[]) : question.options ?? [];
  const [dragging, setDragging] = useState<number | null>(null);
  const move = (from: number, to: number, focus = false) => {
    onChange(moveItem(order, from, to));
    if (focus) requestAnimationFrame(() => document.getElementById(`rank-${question.name}-${order[from]}`)?.focus());
  };
  return (
    <div class="ranking">
      <ol>
        {order.map((option, index) => (
          <li
            key={option}
            id={`rank-${question.name}-${option}`}
            tabIndex={0}
            draggable
            class={dragging === index ? "dragging" : ""}
            aria-label={`${index + 1}: ${fieldTitle(fields, option)}`}
            onDragStart={(event) => {
              setDragging(index);
              event.dataTransfer?.setData("text/plain", option);
            }}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              if (dragging !== null) move(dragging, index);
              setDragging(null);
            }}
            onDragEnd={() => setDragging(null)}
            onKeyDown={(event) => {
              if (!event.altKey) return;
              if (event.key === "ArrowUp" && index > 0) move(index, index - 1, true);
              else if (event.key === "ArrowDown" && index < order.length - 1) move(index, index + 1, true);
              else return;
              event.preventDefault();
              event.stopPropagation();
            }}
          >
            <span class="rank">{index + 1}</span>
            <span class="rank-title">{fieldTitle(fields, option)}</span>
            <span class="rank-preview">{String(recordFields[option] ?? "").slice(0, 120)}</span>
            <span class="rank-buttons">
              <button type="button" class="icon" aria-label={`Move ${fieldTitle(fields, option)} up`} disabled={index === 0}
                      onClick={() => move(index, index - 1)}>↑</button>
              <button type="button" class="icon" aria-label={`Move ${fieldTitle(fields, option)} down`}
                      disabled={index === order.length - 1} onClick={() => move(index, index + 1)}>↓</button>
            </span>
          </li>
        ))}
      </ol>
      {!Array.isArray(value) && (
        <button type="button" class="secondary" onClick={() => onChange([...order])}>Keep this order</button>
      )}
    </div>
  );
}
