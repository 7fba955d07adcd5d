// @vitest-environment jsdom
import { act, cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetConsoleSetup } from "../../../lib/console-setup.ts";
import { clearSession, setSession } from "../../../lib/session.ts";
import { openExportConfirmation } from "../../../testing/export-confirmation.tsx";
import { testSession } from "../../../testing/test-session.ts";
import { confirmWords } from "../words/en.ts";
import { PENDING_SHOWN_AFTER_MS } from "./use-export-flow.tsx";

const confirm = confirmWords.get();
const FULL = "DEW KeypairFullAccess";

/** Exports that never answer on their own: each call's signal is kept to see it aborted. */
function stubSlowServer() {
  const exports: AbortSignal[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (url === "/console/setup") {
        return Response.json({ demo: null, exportReason: "optional", exportFreshAuthSeconds: 300 });
      }
      const signal = init.signal as AbortSignal;
      exports.push(signal);
      return new Promise<Response>((_, reject) =>
        signal.addEventListener("abort", () => reject(signal.reason), { once: true }),
      );
    }),
  );
  return exports;
}

const exportButton = () =>
  screen.getByRole("button", { name: confirm.export }) as HTMLButtonElement;
const wait = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

beforeEach(() => setSession({ ...testSession([FULL]), authAt: Date.now() }));

afterEach(() => {
  forgetConsoleSetup();
  cleanup();
  vi.unstubAllGlobals();
  clearSession("user");
});

describe("an export in flight", () => {
  it("is sent once, however often Export is pressed before the dialog turns busy", async () => {
    const exports = stubSlowServer();
    const user = await openExportConfirmation();
    await user.click(exportButton());
    await user.click(exportButton());
    await user.keyboard("{Enter}");
    await wait(PENDING_SHOWN_AFTER_MS + 100);
    expect(exports).toHaveLength(1);
    expect(exports[0]?.aborted).toBe(false);
  });

  it("turns the dialog busy only once it is slow, and Cancel export stops it", async () => {
    const exports = stubSlowServer();
    const user = await openExportConfirmation();
    await user.click(exportButton());
    await vi.waitFor(() => expect(exports).toHaveLength(1));
    // A quick export reaches its preview without the dialog being redrawn as busy.
    expect(screen.queryByRole("button", { name: confirm.cancelExport })).toBeNull();
    expect(exportButton().disabled).toBe(false);

    const cancel = await screen.findByRole("button", { name: confirm.cancelExport });
    expect(exportButton().disabled).toBe(true);
    await user.click(cancel);
    expect(exports[0]?.aborted).toBe(true);
    // Stopped, not failed: the dialog is as it was, and Export sends afresh.
    await vi.waitFor(() => expect(exportButton().disabled).toBe(false));
    expect(screen.queryByRole("alert")).toBeNull();
    await user.click(exportButton());
    await vi.waitFor(() => expect(exports).toHaveLength(2));
  });
});
