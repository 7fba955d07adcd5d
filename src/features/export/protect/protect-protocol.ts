// The messages between protected-download.ts and protect-worker.ts, typed once for both sides.
// Plain data only: they cross postMessage.

export type ProtectEntry = {
  /** The entry's name in the original zip ("<name>.pem"), kept in the protected one. */
  fileName: string;
  keypairName: string;
  /** The verified, unencrypted PEM. */
  text: string;
  /** The fingerprint KPS lists for the key pair: the re-opened key must show exactly this. */
  listedFingerprint: string;
};

export type ProtectOutput = "zip" | "pem";

export type ProtectRequest = { entries: ProtectEntry[]; passphrase: string; output: ProtectOutput };

export type ProtectPhase = "protecting" | "checking" | "done";

/** Why nothing was protected, as a code; the dialog says it in the chosen language. */
export type ProtectRefusal =
  | { code: "tooShort"; params: { min: number } }
  | { code: "nothingToProtect" }
  | { code: "notReopened"; params: { fileName: string } }
  | { code: "failed" };

export type ProtectReply =
  | { kind: "progress"; index: number; phase: ProtectPhase }
  | { kind: "zip"; bytes: ArrayBuffer }
  | { kind: "pem"; text: string }
  | { kind: "refused"; refusal: ProtectRefusal };
