import { useEffect, useRef } from "preact/hooks";
import { kShortcuts } from "../model/keymap";

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div class="overlay" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
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
