import { Code } from "@mantine/core";
import { useEffect, useState } from "react";
import type { Format } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import type { EntryReport, EntryStatus } from "../archive/archive-types.ts";
import { findingWords, previewWords } from "../archive/words/en.ts";
import classes from "./archive-entry-card.module.css";
import { keyProblemWords, nameWarningText, problemText } from "./finding-text.ts";
import { richWords } from "./rich-words.tsx";

type PreviewWords = ReturnType<typeof previewWords.get>;

const STATUS_LABEL: Record<EntryStatus, keyof PreviewWords> = {
  verified: "statusVerified",
  mismatch: "statusMismatch",
  unexpected: "statusUnexpected",
  unreadable: "statusUnreadable",
};

// Plain buttons dressed as Mantine's compact default Button (focus ring and press included):
// thirty Mantine Buttons and ten Badges were about a fifth of the preview's first render.
const BUTTON = `${classes.button} mantine-focus-auto mantine-active`;

/** A revealed key goes back under the mask on its own: a screen left alone must not show it. */
export const REVEAL_FOR_MS = 60_000;

type Props = {
  entry: EntryReport;
  /** The preview's formats, built once for every card. */
  format: Format;
  onDownload: (entry: EntryReport) => void;
  /** Offered for verified entries only: a protected copy of just this key. */
  onProtect?: (entry: EntryReport) => void;
  onWarmProtect?: () => void;
};

export function ArchiveEntryCard({ entry, format, onDownload, onProtect, onWarmProtect }: Props) {
  const t = useWords(previewWords);
  const findings = useWords(findingWords);
  const keyProblems = useWords(keyProblemWords);
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(false), REVEAL_FOR_MS);
    return () => clearTimeout(timer);
  }, [revealed]);
  const algorithm = entry.algorithm
    ? `${entry.algorithm}${entry.keySize ? ` ${entry.keySize}` : ""}`
    : t.unknownAlgorithm;
  const problem = problemText(entry, findings, keyProblems);
  const nameWarning = nameWarningText(entry, findings);
  const file = entry.fileName;

  return (
    <li className={classes.card} aria-label={file}>
      <div className={classes.header}>
        <div className={classes.title}>
          <span className={classes.badge} data-status={entry.status}>
            {t[STATUS_LABEL[entry.status]] as string}
          </span>
          <p className={classes.fileName} title={file}>
            {file}
          </p>
        </div>
        <div className={classes.actions}>
          <button
            type="button"
            className={BUTTON}
            aria-pressed={revealed}
            aria-label={revealed ? t.hideEntry({ file }) : t.revealEntry({ file })}
            onClick={() => setRevealed(!revealed)}
          >
            {/* The accessible name starts with the visible word (WCAG 2.5.3). */}
            {revealed ? t.hide : t.reveal}
          </button>
          <button
            type="button"
            className={BUTTON}
            aria-label={t.downloadEntry({ file })}
            onClick={() => onDownload(entry)}
          >
            {t.downloadButton}
          </button>
          {onProtect && (
            <button
              type="button"
              className={BUTTON}
              aria-label={t.protectEntry({ file })}
              onClick={() => onProtect(entry)}
              onMouseEnter={onWarmProtect}
              onFocus={onWarmProtect}
            >
              {t.protectButton}
            </button>
          )}
        </div>
      </div>
      <p className={classes.line}>
        {t.sizeAndAlgorithm({ size: format.bytes(entry.size), algorithm })}
      </p>
      <FingerprintLine entry={entry} t={t} />
      {problem && <p className={classes.problem}>{problem}</p>}
      {nameWarning && <p className={classes.problem}>{nameWarning}</p>}
      {revealed ? (
        // Rendered as a text node, never as HTML.
        <Code block style={{ whiteSpace: "pre", overflowX: "auto", maxHeight: 240 }}>
          {entry.text}
        </Code>
      ) : (
        <p className={`${classes.line} ${classes.mono} ${classes.dimmed}`}>{t.bodyHidden}</p>
      )}
    </li>
  );
}

function FingerprintLine({ entry, t }: { entry: EntryReport; t: PreviewWords }) {
  const derived = entry.derivedFingerprint ?? t.notDerived;
  if (entry.status === "verified") {
    return (
      <p className={classes.line}>
        {/* Proven, not just compared: the secret part produced the listed public key. */}
        {richWords(t.provenFingerprint, {
          proven: <span className={classes.match}>{t.provenMatch}</span>,
          fingerprint: <span className={classes.mono}>{entry.derivedFingerprint}</span>,
        })}
      </p>
    );
  }
  if (entry.status === "mismatch") {
    return (
      <div>
        <p className={classes.mismatch}>
          {entry.derivedFingerprint === null ? t.notProven : t.fingerprintMismatch}
        </p>
        <p className={`${classes.line} ${classes.mono}`}>{t.inTheFile({ fingerprint: derived })}</p>
        <p className={`${classes.line} ${classes.mono}`}>
          {t.listed({ fingerprint: entry.expectedFingerprint ?? t.noneListed })}
        </p>
      </div>
    );
  }
  return (
    <p className={`${classes.line} ${classes.dimmed}`}>{t.fingerprint({ fingerprint: derived })}</p>
  );
}
