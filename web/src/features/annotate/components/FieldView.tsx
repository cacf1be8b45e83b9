import { Markdown } from "../../../shared/components/Markdown";
import type { ChatMessage, FieldSpec, ListItem } from "../../../shared/api/types";

const kImageUrl = /^(https?:\/\/|data:image\/)/i;

// One field of a record as its kind says: text as text (never HTML), markdown and chat content
// as sanitized markdown, images from http(s) or data:image URLs only, list items (when no
// ranking shows them) as titles with their body text and sanitized html.
export function FieldView({ field, value, badge }: { field: FieldSpec; value: unknown; badge?: string }) {
  return (
    <section class={`field field-${field.kind}`} aria-label={field.title || field.name}>
      <h3 class="field-title">
        {badge && <span class="badge">{badge}</span>}
        {field.title || field.name}
      </h3>
      <FieldBody field={field} value={value} />
    </section>
  );
}

function FieldBody({ field, value }: { field: FieldSpec; value: unknown }) {
  if (value === undefined || value === null) return <p class="muted">(empty)</p>;
  switch (field.kind) {
    case "text":
      return <div class="field-text">{String(value)}</div>;
    case "markdown":
      return <Markdown source={String(value)} />;
    case "chat":
      return <ChatView messages={Array.isArray(value) ? (value as ChatMessage[]) : []} />;
    case "image_url": {
      const url = String(value);
      if (!kImageUrl.test(url)) return <p class="error">Not an image URL: {url}</p>;
      return <img class="field-image" src={url} alt={field.title || field.name} loading="lazy" referrerpolicy="no-referrer" />;
    }
    case "item_list":
      return <ItemListView items={Array.isArray(value) ? (value as ListItem[]) : []} />;
  }
}

function ItemListView({ items }: { items: ListItem[] }) {
  return (
    <ol class="item-list">
      {items.map((item, index) => (
        <li key={index}>
          <strong>{String(item.title ?? item.id)}</strong>
          {typeof item.body === "string" && <div class="field-text">{item.body}</div>}
          {typeof item.html === "string" && <Markdown source={item.html} />}
        </li>
      ))}
    </ol>
  );
}

function ChatView({ messages }: { messages: ChatMessage[] }) {
  return (
    <ol class="chat">
      {messages.map((message, index) => (
        <li key={index} class={"message role-" + (/^[a-z_]+$/.test(message.role) ? message.role : "other")}>
          <span class="role">{message.role}</span>
          <Markdown source={String(message.content ?? "")} />
        </li>
      ))}
    </ol>
  );
}
