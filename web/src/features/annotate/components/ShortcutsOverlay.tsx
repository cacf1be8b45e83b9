import { useEffect, useRef } from "preact/hooks";
import { kShortcuts } from "../model/keymap";

const kFocusable = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

// Tab and Shift+Tab cycle through the dialog's own controls: a modal dialog keeps focus inside
// it (WAI-ARIA's dialog pattern), or the keyboard would reach the page hidden behind it.
function trapTab(event: KeyboardEvent) {
  if (event.key !== "Tab") return;
  const controls = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>(kFocusable)];
  if (controls.length === 0) return;
  const at = controls.indexOf(document.activeElement as HTMLElement);
  const next = (at + (event.shiftKey ? -1 : 1) + controls.length) % controls.length;
  event.preventDefault();
  controls[at < 0 ? 0 : next].focus();
}

// The `?` list of shortcuts, a modal dialog: focus goes to its Close button, stays inside while
// it is open, and returns to where it was when it closes.
export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div class="overlay" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onKeyDown={trapTab}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {kShortcuts.map(([keys, what]) => (
              <tr key={keys}><th scope="row"><kbd>{keys}</kbd></th><td>{what}</td></tr>
            ))}
          </tbody>
        </table>
        <button ref={close} type="button" onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
