// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useRef, useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { useSearchShortcut } from "./use-search-shortcut.ts";

function Shell({ late = false }: { late?: boolean }) {
  const main = useRef<HTMLElement>(null);
  const [loaded, setLoaded] = useState(!late);
  useSearchShortcut(main);
  return (
    <main ref={main}>
      <button type="button" onClick={() => setLoaded(true)}>
        Load
      </button>
      {loaded && <input type="search" aria-label="Search key pairs" />}
      <input aria-label="Description" />
    </main>
  );
}

afterEach(cleanup);

describe("useSearchShortcut", () => {
  it("focuses the search box when it appears after sign-in", async () => {
    render(<Shell late />);
    expect(document.activeElement).toBe(document.body);
    act(() => screen.getByRole("button", { name: "Load" }).click());
    await act(async () => undefined);
    expect(document.activeElement).toBe(screen.getByLabelText("Search key pairs"));
  });

  it("/ jumps to the search box, but not while typing in another field", () => {
    render(<Shell />);
    const search = screen.getByLabelText("Search key pairs");
    const description = screen.getByLabelText("Description");
    expect(search.getAttribute("aria-keyshortcuts")).toBe("/");
    description.focus();
    fireEvent.keyDown(description, { key: "/" });
    expect(document.activeElement).toBe(description);
    description.blur();
    fireEvent.keyDown(document.body, { key: "/" });
    expect(document.activeElement).toBe(search);
  });
});
