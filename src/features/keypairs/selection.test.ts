import { describe, expect, it } from "vitest";
import type { KeypairSummary } from "../../../contract/kps.ts";
import { blockerWords } from "./keypair-words.ts";
import {
  exportBlocker,
  headerCheckbox,
  rowCheckbox,
  selectRange,
  toggleName,
  toggleView,
} from "./selection.ts";
import { valueWords } from "./words/en.ts";

const values = valueWords.get();

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
  it("says why a key pair cannot be exported, as facts the words are made from", () => {
    expect(exportBlocker(hosted[0] as KeypairSummary)).toBeNull();
    expect(exportBlocker(plain)).toEqual({ frozen: null, notHosted: true });
    expect(exportBlocker(frozen)).toEqual({ frozen: 2, notHosted: false });
    const both = exportBlocker({ name: "x", frozen_state: 1, is_key_protection: false });
    expect(both).toEqual({ frozen: 1, notHosted: true });
    // A missing is_key_protection is not taken as hosted.
    expect(exportBlocker({ name: "x" })).toEqual({ frozen: null, notHosted: true });
  });

  it("puts the frozen state's own words mid-sentence, both reasons when both hold", () => {
    const say = (keypair: KeypairSummary) =>
      blockerWords(exportBlocker(keypair) ?? { frozen: null, notHosted: false }, values, "en");
    expect(say(plain)).toBe(values.cannotExportNotHosted);
    expect(say(frozen)).toBe(values.cannotExportFrozen({ status: values.state2.toLowerCase() }));
    expect(say({ name: "x", frozen_state: 1, is_key_protection: false })).toBe(
      values.cannotExportBoth({ status: values.state1.toLowerCase() }),
    );
    // A state the seed's table does not name still says its number.
    expect(say({ name: "x", frozen_state: 42, is_key_protection: true })).toContain("42");
  });
});

describe("row checkboxes", () => {
  it("caps the selection at ten and says so on every other row", () => {
    let selected: string[] = [];
    for (const row of hosted) selected = toggleName(selected, row);
    expect(selected).toEqual(names(hosted.slice(0, 10)));
    expect(rowCheckbox(selected, hosted[10] as KeypairSummary)).toEqual({
      checked: false,
      disabled: true,
      hold: { by: "cap" },
    });
    // A selected row can still be unticked, which frees a place.
    const fewer = toggleName(selected, hosted[0] as KeypairSummary);
    expect(fewer).toHaveLength(9);
    expect(rowCheckbox(fewer, hosted[10] as KeypairSummary).disabled).toBe(false);
  });

  it("disables non-exportable rows with their reason and ignores toggles on them", () => {
    expect(rowCheckbox([], plain)).toMatchObject({
      disabled: true,
      hold: { by: "export", blocker: { notHosted: true } },
    });
    expect(rowCheckbox([], frozen)).toMatchObject({
      disabled: true,
      hold: { by: "export", blocker: { frozen: 2 } },
    });
    expect(toggleName([], plain)).toEqual([]);
  });

  it("holds every unticked row back when the user may select nothing", () => {
    const blocked = "may neither export nor delete";
    expect(rowCheckbox([], hosted[0] as KeypairSummary, blocked)).toEqual({
      checked: false,
      disabled: true,
      hold: { by: "blocked" },
    });
  });

  it("lets a selected row that became unexportable be unticked", () => {
    expect(rowCheckbox(["legacy-01"], plain)).toEqual({
      checked: true,
      disabled: false,
      hold: null,
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
