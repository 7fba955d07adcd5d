import { Badge, Button, Code } from "@mantine/core";
import { useEffect, useState } from "react";
import type { EntryReport, EntryStatus } from "../archive/archive-types.ts";
import classes from "./archive-entry-card.module.css";

const STATUS: Record<EntryStatus, { color: string; label: string }> = {
  verified: { color: "teal.9", label: "Verified" },
  mismatch: { color: "red.9", label: "Mismatch" },
  unexpected: { color: "orange.9", label: "Unexpected file" },
  unreadable: { color: "red.9", label: "Unreadable" },
};

/** A revealed key goes back under the mask on its own: a screen left alone must not show it. */
export const REVEAL_FOR_MS = 60_000;

const bytes = new Intl.NumberFormat("en-US");

type Props = {
  entry: EntryReport;
  onDownload: (entry: EntryReport) => void;
  /** Offered for verified entries only: a protected copy of just this key. */
  onProtect?: (entry: EntryReport) => void;
  onWarmProtect?: () => void;
};

export function ArchiveEntryCard({ entry, onDownload, onProtect, onWarmProtect }: Props) {
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(false), REVEAL_FOR_MS);
    return () => clearTimeout(timer);
  }, [revealed]);
  const status = STATUS[entry.status];
  const algorithm = entry.algorithm
    ? `${entry.algorithm}${entry.keySize ? ` ${entry.keySize}` : ""}`
    : "Unknown algorithm";

  return (
    <li className={classes.card} aria-label={entry.fileName}>
      <div className={classes.header}>
        <div className={classes.title}>
          <Badge color={status.color} variant="filled" style={{ flexShrink: 0 }}>
            {status.label}
          </Badge>
          <p className={classes.fileName} title={entry.fileName}>
            {entry.fileName}
          </p>
        </div>
        <div className={classes.actions}>
          <Button
            size="compact-xs"
            variant="default"
            aria-pressed={revealed}
            aria-label={`${revealed ? "Hide" : "Reveal"} ${entry.fileName}`}
            onClick={() => setRevealed(!revealed)}
          >
            {/* The accessible name starts with the visible word (WCAG 2.5.3). */}
            {revealed ? "Hide" : "Reveal"}
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            aria-label={`Download ${entry.fileName}`}
            onClick={() => onDownload(entry)}
          >
            Download
          </Button>
          {onProtect && (
            <Button
              size="compact-xs"
              variant="default"
              aria-label={`Protected download of ${entry.fileName}`}
              onClick={() => onProtect(entry)}
              onMouseEnter={onWarmProtect}
              onFocus={onWarmProtect}
            >
              Protected…
            </Button>
          )}
        </div>
      </div>
      <p className={classes.line}>
        {bytes.format(entry.size)} bytes · {algorithm}
      </p>
      <FingerprintLine entry={entry} />
      {entry.problem && <p className={classes.problem}>{entry.problem}</p>}
      {entry.nameWarning && <p className={classes.problem}>{entry.nameWarning}</p>}
      {revealed ? (
        // Rendered as a text node, never as HTML.
        <Code block style={{ whiteSpace: "pre", overflowX: "auto", maxHeight: 240 }}>
          {entry.text}
        </Code>
      ) : (
        <p className={`${classes.line} ${classes.mono} ${classes.dimmed}`}>
          •••••••• key body hidden ••••••••
        </p>
      )}
    </li>
  );
}

function FingerprintLine({ entry }: { entry: EntryReport }) {
  if (entry.status === "verified") {
    return (
      <p className={classes.line}>
        {/* Proven, not just compared: the secret part produced the listed public key. */}
        <span className={classes.match}>✓ Private half of the listed key</span>, fingerprint{" "}
        <span className={classes.mono}>{entry.derivedFingerprint}</span>
      </p>
    );
  }
  if (entry.status === "mismatch") {
    return (
      <div>
        <p className={classes.mismatch}>
          {entry.derivedFingerprint === null
            ? "✗ Not proven to be the private half of the listed key"
            : "✗ Fingerprint does NOT match the listed one"}
        </p>
        <p className={`${classes.line} ${classes.mono}`}>
          In the file: {entry.derivedFingerprint ?? "could not be derived"}
        </p>
        <p className={`${classes.line} ${classes.mono}`}>
          Listed: {entry.expectedFingerprint ?? "none"}
        </p>
      </div>
    );
  }
  return (
    <p className={`${classes.line} ${classes.dimmed}`}>
      Fingerprint: {entry.derivedFingerprint ?? "could not be derived"}
    </p>
  );
}
