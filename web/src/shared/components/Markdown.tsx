import { useMemo } from "preact/hooks";
import { renderMarkdown } from "../markdown";

// Sanitized markdown (see shared/markdown.ts): the only HTML the UI inserts.
export function Markdown({ source, class: className }: { source: string; class?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div class={"markdown " + (className ?? "")} dangerouslySetInnerHTML={{ __html: html }} />;
}
