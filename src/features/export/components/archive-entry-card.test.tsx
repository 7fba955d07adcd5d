// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import type { EntryReport } from "../archive/archive-types.ts";
import { previewWords } from "../archive/words/en.ts";
import { ArchiveEntryCard, REVEAL_FOR_MS } from "./archive-entry-card.tsx";

const reveal = previewWords.get().revealEntry({ file: "web-01" });

const BODY =
  "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key\n-----END OPENSSH PRIVATE KEY-----";

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
    renderWithProviders(<ArchiveEntryCard entry={entry} onDownload={() => undefined} />);
    fireEvent.click(screen.getByRole("button", { name: reveal }));
    expect(screen.getByText(/not-a-real-key/)).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(REVEAL_FOR_MS - 1);
    });
    expect(screen.queryByText(/not-a-real-key/)).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(screen.queryByText(/not-a-real-key/)).toBeNull();
    expect(screen.getByRole("button", { name: reveal })).toBeTruthy();
  });
});
