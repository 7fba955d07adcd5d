import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { Providers } from "../app/providers.tsx";
import { QueryProvider } from "../app/query-provider.tsx";

/** jsdom lacks what Mantine measures with; these stand-ins are enough for component tests. */
function polyfillBrowser() {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!window.ResizeObserver) {
    window.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
}

/** Renders through the real providers with a fresh query client each time. */
export function renderWithProviders(ui: ReactElement) {
  polyfillBrowser();
  return render(
    <Providers>
      <QueryProvider>{ui}</QueryProvider>
    </Providers>,
  );
}
