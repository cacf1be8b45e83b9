import { useState } from "preact/hooks";
import { Markdown } from "../../../../shared/components/Markdown";
import { moveItem } from "../../model/questions";
import { type RankItem, rankingItems, rankingOrder } from "../../model/ranking";
import type { QuestionProps } from "./props";

// Order the compared responses (or the record's list items), best first: drag an item, or focus
// it and press Alt+↑/↓, or use its buttons. The order counts as an answer once the annotator
// has moved or confirmed it.
export function RankingQuestion({ question, value, onChange, fields, recordFields }: QuestionProps) {
  const items = rankingItems(question, fields, recordFields);
  const byId = new Map(items.map((item) => [item.id, item]));
  const order = rankingOrder(items, value);
  const [dragging, setDragging] = useState<number | null>(null);
  const domId = (id: string) => `rank-${question.name}-${id}`;
  const move = (from: number, to: number, focus = false) => {
    onChange(moveItem(order, from, to));
    if (focus) requestAnimationFrame(() => document.getElementById(domId(order[from]))?.focus());
  };
  if (items.length === 0) return <p class="error">This record has no items to rank.</p>;
  return (
    <div class="ranking">
      <ol>
        {order.map((id, index) => {
          const item = byId.get(id) as RankItem;
          return (
            <li
              key={id}
              id={domId(id)}
              tabIndex={0}
              draggable
              class={dragging === index ? "dragging" : ""}
              aria-label={`${index + 1}: ${item.title}`}
              onDragStart={(event) => {
                setDragging(index);
                event.dataTransfer?.setData("text/plain", id);
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
              <span class="rank-title">{item.title}</span>
              {item.fromField ? (
                <span class="rank-preview">{item.text.slice(0, 120)}</span>
              ) : (
                <span class="rank-body">
                  {item.text && <span class="rank-text">{item.text}</span>}
                  {item.html && <Markdown source={item.html} />}
                </span>
              )}
              <span class="rank-buttons">
                <button type="button" class="icon" aria-label={`Move ${item.title} up`} disabled={index === 0}
                        onClick={() => move(index, index - 1)}>↑</button>
                <button type="button" class="icon" aria-label={`Move ${item.title} down`}
                        disabled={index === order.length - 1} onClick={() => move(index, index + 1)}>↓</button>
              </span>
            </li>
          );
        })}
      </ol>
      {!Array.isArray(value) && (
        <button type="button" class="secondary" onClick={() => onChange([...order])}>Keep this order</button>
      )}
    </div>
  );
}
