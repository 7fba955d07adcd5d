// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatFor } from "../../../lib/i18n/format.ts";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { freshOpenSshKey } from "../../../testing/test-keys.ts";
import type { EntryReport } from "../archive/archive-types.ts";
import { previewWords } from "../archive/words/en.ts";
import { ArchiveEntryCard, REVEAL_FOR_MS } from "./archive-entry-card.tsx";

const reveal = previewWords.get().revealEntry({ file: "web-01" });

const BODY = freshOpenSshKey().trim();
// A line of the key's body: shown only while revealed.
const BODY_LINE = new RegExp((BODY.split("\n")[1] as string).replace(/[+/=]/g, "\\$&"));

const entry: EntryReport = {
  fileName: "web-01",
  keypairName: "web-01",
  size: BODY.length,
  algorithm: null,
  keySize: null,
  derivedFingerprint: null,
  expectedFingerprint: null,
  status: "unreadable",
  problem: null,
  saveAs: "web-01",
  nameWarning: null,
  text: BODY,
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("ArchiveEntryCard", () => {
  it("masks a revealed key again after a minute", () => {
    renderWithProviders(
      <ArchiveEntryCard entry={entry} format={formatFor("en")} onDownload={() => undefined} />,
    );
    fireEvent.click(screen.getByRole("button", { name: reveal }));
    expect(screen.getByText(BODY_LINE)).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(REVEAL_FOR_MS - 1);
    });
    expect(screen.queryByText(BODY_LINE)).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(screen.queryByText(BODY_LINE)).toBeNull();
    expect(screen.getByRole("button", { name: reveal })).toBeTruthy();
  });
});
