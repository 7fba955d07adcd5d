import { useEffect, useState } from "react";

function secondsFrom(until: number | null): number {
  return until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/** Whole seconds left until a moment (epoch ms), counting down once a second, then 0. */
export function useSecondsUntil(until: number | null): number {
  const [left, setLeft] = useState(() => secondsFrom(until));
  useEffect(() => {
    setLeft(secondsFrom(until));
    if (until === null) return;
    const timer = setInterval(() => {
      const next = secondsFrom(until);
      setLeft(next);
      if (next === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [until]);
  return left;
}
