import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { ExportOneAction } from "../features/export/components/export-one-action.tsx";
import { confirmWords, exportActionWords } from "../features/export/words/en.ts";
import { getSession, type Session } from "../lib/session.ts";
import { renderWithProviders } from "./render-with-providers.tsx";
import { testSession } from "./test-session.ts";

/**
 * Opens the export of web-01 as the signed-in user (or `fallback`) and ticks the
 * acknowledgement: the confirmation as the user leaves it just before typing a reason.
 */
export async function openExportConfirmation(
  fallback: Session = testSession(["DEW KeypairFullAccess"]),
) {
  renderWithProviders(
    <ExportOneAction
      session={getSession() ?? fallback}
      keypair={{ name: "web-01", is_key_protection: true }}
      onListStale={vi.fn()}
    />,
  );
  const confirm = confirmWords.get();
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: exportActionWords.get().exportOne }));
  await screen.findByRole("dialog", { name: confirm.title(1) });
  await user.click(screen.getByRole("checkbox", { name: confirm.acknowledge }));
  return user;
}
