export type IdleTimerOptions = {
  timeoutMs: number;
  /** How long before the timeout the warning comes. */
  warnBeforeMs: number;
  onWarn: () => void;
  /** Called when activity resumes after a warning, so the warning can go. */
  onActive: () => void;
  onIdle: () => void;
};

export type IdleTimer = {
  /**
   * Passive activity (moving the mouse, scrolling) keeps the session alive until the warning;
   * once warned, only a deliberate key or click takes it back, or the pointer on its way to
   * "Stay signed in" would make the warning vanish under it.
   */
  activity: (kind?: "deliberate" | "passive") => void;
  stop: () => void;
};

/**
 * Counts down from the last activity. Each wake-up measures the time really passed rather than
 * trusting the timer, so a laptop that slept (or a clock jumped forward) past the timeout signs
 * out at once instead of warning first.
 */
export function startIdleTimer(options: IdleTimerOptions): IdleTimer {
  const { timeoutMs, warnBeforeMs } = options;
  let lastActivity = Date.now();
  let warned = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule(delay: number) {
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(0, delay));
  }

  function check() {
    if (stopped) return;
    const idleFor = Date.now() - lastActivity;
    if (idleFor >= timeoutMs) {
      stopped = true;
      options.onIdle();
      return;
    }
    if (idleFor >= timeoutMs - warnBeforeMs) {
      if (!warned) {
        warned = true;
        options.onWarn();
      }
      schedule(timeoutMs - idleFor);
      return;
    }
    schedule(timeoutMs - warnBeforeMs - idleFor);
  }

  schedule(timeoutMs - warnBeforeMs);
  return {
    // Cheap on purpose: pointermove calls it many times a second.
    activity(kind = "deliberate") {
      if (stopped || (warned && kind === "passive")) return;
      lastActivity = Date.now();
      if (warned) {
        warned = false;
        options.onActive();
        schedule(timeoutMs - warnBeforeMs);
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
