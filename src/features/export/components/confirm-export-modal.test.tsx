// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { confirmWords } from "../words/en.ts";
import { ConfirmExportModal } from "./confirm-export-modal.tsx";

const t = confirmWords.get();

afterEach(cleanup);

function renderModal(onExport = vi.fn(), nothingLeft = false) {
  renderWithProviders(
    <ConfirmExportModal
      opened
      projectName="cn-north-4"
      keypairs={[{ name: "web-01" }, { name: "db-01" }]}
      pending={false}
      nothingLeft={nothingLeft}
      waitSeconds={0}
      error={null}
      onExport={onExport}
      onCancelRequest={vi.fn()}
      onClose={vi.fn()}
    />,
  );
  return onExport;
}

describe("ConfirmExportModal", () => {
  it("names the keys and keeps Export disabled until the acknowledgement is ticked", async () => {
    const onExport = renderModal();
    const dialog = await screen.findByRole("dialog", { name: t.title(2) });
    expect(dialog.textContent).toContain("web-01");
    expect(dialog.textContent).toContain("db-01");
    const exportButton = screen.getByRole("button", { name: t.export }) as HTMLButtonElement;
    expect(exportButton.disabled).toBe(true);
    const user = userEvent.setup();
    await user.click(screen.getByRole("checkbox", { name: t.acknowledge }));
    expect(exportButton.disabled).toBe(false);
    await user.click(exportButton);
    expect(onExport).toHaveBeenCalledTimes(1);
  });

  it("sends nothing once none of the key pairs is selected any more, and says so", async () => {
    const onExport = renderModal(vi.fn(), true);
    await userEvent.click(screen.getByRole("checkbox", { name: t.acknowledge }));
    expect(screen.getByRole("button", { name: t.export })).toHaveProperty("disabled", true);
    expect(screen.getByText(t.nothingLeft)).toBeTruthy();
    expect(onExport).not.toHaveBeenCalled();
  });
});
