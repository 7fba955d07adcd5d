// @vitest-environment jsdom
import { Notifications } from "@mantine/notifications";
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getSession, lastSignOutReason, setSession } from "../../lib/session.ts";
import { renderWithProviders } from "../../testing/render-with-providers.tsx";
import { testSession } from "../../testing/test-session.ts";
import { useSessionGuard } from "./use-session-guard.ts";
import { sessionWords } from "./words/en.ts";

const t = sessionWords.get();

const MINUTE = 60_000;

function Guarded() {
  useSessionGuard(getSession() ?? testSession());
  return <Notifications />;
}

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  // The revoke on sign-out goes nowhere in a unit test.
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(null, { status: 204 })),
  );
  setSession(testSession());
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("useSessionGuard", () => {
  it("keeps a user who only moves the mouse signed in", () => {
    renderWithProviders(<Guarded />);
    for (let step = 0; step < 4; step += 1) {
      advance(10 * MINUTE);
      fireEvent.pointerMove(document.body);
    }
    expect(getSession()).not.toBeNull();
  });

  it("warns a minute before, and Stay signed in keeps the session", () => {
    renderWithProviders(<Guarded />);
    advance(14 * MINUTE);
    const stay = screen.getByRole("button", { name: t.staySignedIn });
    expect(screen.getByText(t.idleTitle)).toBeTruthy();
    fireEvent.click(stay);
    advance(14 * MINUTE - 1);
    expect(getSession()).not.toBeNull();
  });

  it("signs out after fifteen idle minutes, and says why", () => {
    renderWithProviders(<Guarded />);
    advance(15 * MINUTE);
    expect(getSession()).toBeNull();
    expect(lastSignOutReason()).toBe("inactivity");
  });

  it("a mouse drifting during the warning does not keep the session", () => {
    renderWithProviders(<Guarded />);
    advance(14 * MINUTE);
    fireEvent.pointerMove(document.body);
    advance(MINUTE);
    expect(getSession()).toBeNull();
  });
});
