import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ErrorBoundary } from "react-error-boundary";
import { App } from "./app/app.tsx";
import { Providers } from "./app/providers.tsx";
import { CrashNotice } from "./components/crash-notice.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element.");
createRoot(root).render(
  <StrictMode>
    <Providers>
      <ErrorBoundary
        fallbackRender={({ resetErrorBoundary }) => (
          <CrashNotice
            region="The console"
            onRetry={resetErrorBoundary}
            onReload={() => window.location.reload()}
          />
        )}
      >
        <App />
      </ErrorBoundary>
    </Providers>
  </StrictMode>,
);
