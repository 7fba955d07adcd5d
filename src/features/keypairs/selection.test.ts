import { describe, expect, it } from "vitest";
import type { KeypairSummary } from "../../../contract/kps.ts";
import {
  CAP_MESSAGE,
  exportBlocker,
  headerCheckbox,
  rowCheckbox,
  selectionCounter,
  selectRange,
  toggleName,
  toggleView,
} from "./selection.ts";

function keypair(name: string, extra: Partial<KeypairSummary> = {}): KeypairSummary {
  return { name, is_key_protection: true, frozen_state: 0, scope: "domain", ...extra };
}

const hosted = Array.from({ length: 12 }, (_, index) =>
  keypair(`web-${String(index + 1).padStart(2, "0")}`),
);
const plain = keypair("legacy-01", { is_key_protection: false });
const frozen = keypair("frozen-police", { frozen_state: 2 });
const names = (rows: KeypairSummary[]) => rows.map((row) => row.name);

describe("exportBlocker", () => {
  it("says why a key pair cannot be exported, in words", () => {
    expect(exportBlocker(hosted[0] as KeypairSummary)).toBeNull();
    expect(exportBlocker(plain)).toBe("Cannot be exported: its private key is not hosted by KPS.");
    expect(exportBlocker(frozen)).toBe("Cannot be exported: frozen by the public security bureau.");
    // Both reasons when both hold, and no parentheses inside parentheses.
    expect(exportBlocker({ name: "x", frozen_state: 1, is_key_protection: false })).toBe(
      "Cannot be exported: frozen (common causes); and its private key is not hosted by KPS.",
    );
    // A missing is_key_protection is not taken as hosted.
    expect(exportBlocker({ name: "x" })).toMatch(/not hosted/);
  });
});

describe("row checkboxes", () => {
  it("caps the selection at ten and says so on every other row", () => {
    let selected: string[] = [];
    for (const row of hosted) selected = toggleName(selected, row);
    expect(selected).toEqual(names(hosted.slice(0, 10)));
    expect(selectionCounter(selected)).toBe("10 of 10 selected");
    expect(rowCheckbox(selected, hosted[10] as KeypairSummary)).toEqual({
      checked: false,
      disabled: true,
      reason: `${CAP_MESSAGE}.`,
      note: "Selection is full",
    });
    expect(CAP_MESSAGE).toBe("At most 10 private keys can be exported at a time");
    // A selected row can still be unticked, which frees a place.
    const fewer = toggleName(selected, hosted[0] as KeypairSummary);
    expect(fewer).toHaveLength(9);
    expect(rowCheckbox(fewer, hosted[10] as KeypairSummary).disabled).toBe(false);
  });

  it("disables non-exportable rows with their reason and ignores toggles on them", () => {
    expect(rowCheckbox([], plain)).toMatchObject({
      disabled: true,
      reason: expect.stringMatching(/not hosted/),
    });
    expect(rowCheckbox([], frozen)).toMatchObject({
      disabled: true,
      reason: expect.stringMatching(/frozen/),
    });
    expect(toggleName([], plain)).toEqual([]);
  });

  it("lets a selected row that became unexportable be unticked", () => {
    expect(rowCheckbox(["legacy-01"], plain)).toEqual({
      checked: true,
      disabled: false,
      reason: null,
    });
    expect(toggleName(["legacy-01"], plain)).toEqual([]);
  });
});

describe("header checkbox", () => {
  it("selects exportable rows in view up to ten, skipping the rest", () => {
    const view = [plain, frozen, ...hosted];
    const selected = toggleView([], view);
    expect(selected).toEqual(names(hosted.slice(0, 10)));
    // Two exportable rows in view are left out: never "all selected".
    expect(headerCheckbox(selected, view)).toEqual({
      checked: false,
      indeterminate: true,
      disabled: false,
    });
    // At the cap, clicking again clears the rows in view.
    expect(toggleView(selected, view)).toEqual([]);
  });

  it("is checked only when every exportable row in view is selected", () => {
    const view = [plain, ...hosted.slice(0, 3)];
    const selected = toggleView([], view);
    expect(selected).toEqual(names(hosted.slice(0, 3)));
    expect(headerCheckbox(selected, view)).toEqual({
      checked: true,
      indeterminate: false,
      disabled: false,
    });
    expect(toggleView(selected, view)).toEqual([]);
  });

  it("keeps selections outside the view and fills only the room left", () => {
    const outside = names(hosted.slice(0, 8));
    const view = hosted.slice(8);
    expect(headerCheckbox(outside, view)).toEqual({
      checked: false,
      indeterminate: false,
      disabled: false,
    });
    const selected = toggleView(outside, view);
    expect(selected).toEqual([...outside, "web-09", "web-10"]);
    expect(toggleView(selected, view)).toEqual(outside);
  });

  it("is disabled when nothing in view can be exported", () => {
    expect(headerCheckbox([], [plain, frozen])).toEqual({
      checked: false,
      indeterminate: false,
      disabled: true,
    });
    expect(headerCheckbox([], [])).toMatchObject({ checked: false, disabled: true });
  });
});

describe("shift-click range", () => {
  const [first, second, third] = hosted as [KeypairSummary, KeypairSummary, KeypairSummary];

  it("adds the exportable rows between the last ticked and this one, either way, up to the cap", () => {
    const view = [first, plain, frozen, second, third];
    const all = ["web-01", "web-02", "web-03"];
    expect(selectRange(["web-01"], view, "web-01", third)).toEqual(all);
    expect(selectRange([], view, "web-03", first)).toEqual(["web-01", "web-02", "web-03"]);
    const nine = names(hosted.slice(3, 12));
    expect(selectRange(nine, hosted, "web-01", third)).toEqual([...nine, "web-01"]);
  });

  it("is a plain toggle when the anchor is no longer shown", () => {
    expect(selectRange([], [second, third], "web-01", second)).toEqual(["web-02"]);
  });
});
