// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CrashBoundary } from "./crash-boundary.tsx";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

let throwing = true;

function Fragile() {
  if (throwing) throw new Error("secret-key-material in the message");
  return <p>console works</p>;
}

function renderBoundary() {
  return render(
    <CrashBoundary
      fallback={(retry) => (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    >
      <Fragile />
      <p>sibling</p>
    </CrashBoundary>,
  );
}

describe("CrashBoundary", () => {
  it("replaces what crashed with the fallback, and never shows the error's words", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    throwing = true;
    const { container } = renderBoundary();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    expect(screen.queryByText("sibling")).toBeNull();
    expect(container.textContent).not.toContain("secret-key-material");
  });

  it("renders its children afresh on retry once they no longer throw", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    throwing = true;
    renderBoundary();
    throwing = false;
    await userEvent.setup().click(screen.getByRole("button", { name: "Try again" }));
    expect(screen.getByText("console works")).toBeTruthy();
    expect(screen.getByText("sibling")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("shows the fallback again when the retry crashes too", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    throwing = true;
    renderBoundary();
    await userEvent.setup().click(screen.getByRole("button", { name: "Try again" }));
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    expect(screen.queryByText("console works")).toBeNull();
  });
});
