// Markdown and model output to safe HTML. LLM responses routinely contain HTML and script: the
// parser's output ALWAYS goes through DOMPurify before it reaches the DOM, and this is the only
// place in the UI that produces HTML from data.
import DOMPurify from "dompurify";
import { marked } from "marked";

const kPurifyOptions = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed"],
  FORBID_ATTR: ["style", "srcset"],
};

// Links open in a new tab without handing it this page (window.opener).
DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A" && node.hasAttribute("href")) {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
});

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true }) as string;
  return DOMPurify.sanitize(html, kPurifyOptions) as string;
}
