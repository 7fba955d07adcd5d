import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { Providers } from "./app/providers.tsx";
import { CrashBoundary } from "./components/crash-boundary.tsx";
import { CrashNotice } from "./components/crash-notice.tsx";
import { loadLanguage } from "./lib/i18n/i18n.ts";
import { language } from "./lib/i18n/language.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element.");

// The chosen language's words first, so the first screen is never English then Chinese. If
// they cannot be fetched, the console still starts, in English.
void loadLanguage(language.get())
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <Providers>
          <CrashBoundary
            fallback={(retry) => (
              <CrashNotice
                region="console"
                onRetry={retry}
                onReload={() => window.location.reload()}
              />
            )}
          >
            <App />
          </CrashBoundary>
        </Providers>
      </StrictMode>,
    ),
  );
