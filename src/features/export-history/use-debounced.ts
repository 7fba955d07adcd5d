import { useEffect, useState } from "react";

/** Typing waits this long before it becomes a request: one query per pause, not per key. */
export const TYPING_PAUSE_MS = 250;

/**
 * A text field's own value, handed on after a pause in typing; a change from outside (Clear,
 * back and forward) replaces what the field holds.
 */
export function useDebouncedText(outside: string, onSettle: (value: string) => void) {
  const [value, setValue] = useState(outside);
  const [seen, setSeen] = useState(outside);
  if (outside !== seen) {
    setSeen(outside);
    setValue(outside);
  }
  useEffect(() => {
    if (value === outside) return;
    const timer = setTimeout(() => onSettle(value), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value, outside, onSettle]);
  return [value, setValue] as const;
}
