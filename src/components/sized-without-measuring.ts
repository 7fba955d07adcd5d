import { observeElementRect, type Rect, type Virtualizer } from "@tanstack/react-virtual";
import { useRef, useState } from "react";
import { CONSOLE_HEADER_HEIGHT } from "./console-header.ts";

/**
 * Virtualizer options for a list that fills the page below the header, so that its first frame
 * needs no measuring: the default measured the list in a layout effect, which forced a layout
 * of the page just mounted and redrew the list in a blocking render, which also ran every
 * passive effect, all before the first rows were shown.
 *
 * The first frame draws the rows of a size the list cannot exceed (the window below the
 * header), so they reach at least the bottom of the window, without overscan. The
 * ResizeObserver's first report, after the browser's own layout, sets the real size in a render
 * of its own, which only takes away rows below the fold; overscan applies from then on.
 */
export function useSizedWithoutMeasuring(minHeight: number, overscan: number) {
  const [initialRect] = useState<Rect>(() => ({
    width: window.innerWidth,
    height: Math.max(minHeight, window.innerHeight - CONSOLE_HEADER_HEIGHT),
  }));
  const measured = useRef(false);
  const [observe] = useState(
    () =>
      <S extends Element, I extends Element>(
        instance: Virtualizer<S, I>,
        cb: (rect: Rect) => void,
      ) =>
        observeAfterLayout(instance, (rect) => {
          measured.current = true;
          cb(rect);
        }),
  );
  return {
    initialRect,
    observeElementRect: observe,
    overscan: measured.current ? overscan : 0,
  };
}

function observeAfterLayout<S extends Element, I extends Element>(
  instance: Virtualizer<S, I>,
  cb: (rect: Rect) => void,
): undefined | (() => void) {
  const element = instance.scrollElement;
  const ResizeObserver = instance.targetWindow?.ResizeObserver;
  if (!element || !ResizeObserver) return observeElementRect(instance, cb);
  const observer = new ResizeObserver(() => {
    cb({ width: element.clientWidth, height: element.clientHeight });
  });
  observer.observe(element, { box: "content-box" });
  return () => observer.disconnect();
}
