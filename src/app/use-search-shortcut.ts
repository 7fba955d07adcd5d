import { type RefObject, useEffect } from "react";

// The page's search box; the shell finds it rather than reaching into the key-pairs feature.
const SEARCH = 'input[type="search"]';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Puts focus in the search box once it appears after sign-in (it was left on the body) and
 * gives it the "/" shortcut, unless the user is typing elsewhere or a dialog is open.
 */
export function useSearchShortcut(region: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = region.current;
    if (!root) return;
    const find = () => root.querySelector<HTMLInputElement>(SEARCH);

    const focusFirst = () => {
      const search = find();
      if (!search) return false;
      search.setAttribute("aria-keyshortcuts", "/");
      // Only when nothing else took focus meanwhile: never steal it from the user.
      if (document.activeElement === document.body || document.activeElement === null)
        search.focus();
      return true;
    };
    const observer = new MutationObserver(() => {
      if (focusFirst()) observer.disconnect();
    });
    if (!focusFirst()) observer.observe(root, { childList: true, subtree: true });

    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('[role="dialog"][aria-modal="true"]'))
        return;
      const search = find();
      if (!search) return;
      event.preventDefault();
      search.focus();
      search.select();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      observer.disconnect();
      window.removeEventListener("keydown", onKey);
    };
  }, [region]);
}
