// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { switchLanguage } from "../../../lib/i18n/i18n.ts";
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
      reasonMode="hidden"
      reasonRefusal={null}
      stepUp={{ stage: "none" }}
      stepUpProblem={null}
      userName="alice"
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

  it("reads in Chinese once it is chosen, the project still in bold inside the sentence", async () => {
    await switchLanguage("zh-CN");
    try {
      const zh = confirmWords.get();
      expect(zh.title(2)).not.toBe(t.title(2));
      renderModal();
      const dialog = await screen.findByRole("dialog", { name: zh.title(2) });
      expect(screen.getByRole("button", { name: zh.export })).toBeTruthy();
      expect(screen.getByRole("checkbox", { name: zh.acknowledge })).toBeTruthy();
      expect(dialog.querySelector("b")?.textContent).toBe("cn-north-4");
      expect(dialog.textContent).toContain(zh.introMany({ project: "cn-north-4" }));
    } finally {
      await switchLanguage("en");
    }
  });
});
