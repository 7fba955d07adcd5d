// @vitest-environment jsdom
import { useVirtualizer } from "@tanstack/react-virtual";
import { act, cleanup, render, screen } from "@testing-library/react";
import { useRef } from "react";
import { afterEach, expect, it, vi } from "vitest";
import { useSizedWithoutMeasuring } from "./sized-without-measuring.ts";

const ROW = 56;

function List({ count }: { count: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    ...useSizedWithoutMeasuring(320, 4),
  });
  return (
    <div ref={scrollRef}>
      {virtualizer.getVirtualItems().map((item) => (
        <p key={item.key}>row {item.index}</p>
      ))}
    </div>
  );
}

/** A ResizeObserver the test reports through, as the browser would after its layout. */
function stubResizeObserver() {
  const observers: { report: () => void }[] = [];
  vi.stubGlobal(
    "ResizeObserver",
    class {
      constructor(callback: () => void) {
        observers.push({ report: callback });
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  return observers;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it("draws rows down to the window's bottom in the first frame without measuring the list, then sizes it from the observer's report", () => {
  const observers = stubResizeObserver();
  vi.stubGlobal("innerHeight", 720);
  const measured = vi.spyOn(HTMLElement.prototype, "clientHeight", "get");
  render(<List count={1000} />);
  // (720 - 60) / 56: the rows of the window below the header, and no overscan.
  expect(screen.getAllByText(/^row /)).toHaveLength(12);
  expect(measured).not.toHaveBeenCalled();

  measured.mockReturnValue(300);
  act(() => observers[0]?.report());
  // 300 / 56: six rows in view, then four of overscan.
  expect(screen.getAllByText(/^row /)).toHaveLength(10);
  expect(screen.getByText("row 9")).toBeTruthy();
});

it("never draws fewer rows than its minimum height holds, in a window too short for it", () => {
  stubResizeObserver();
  vi.stubGlobal("innerHeight", 200);
  render(<List count={1000} />);
  // 320 / 56
  expect(screen.getAllByText(/^row /)).toHaveLength(6);
});
