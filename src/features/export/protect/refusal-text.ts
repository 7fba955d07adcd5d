import type { ProtectRefusal } from "./protect-protocol.ts";
import type { protectWords } from "./words/en.ts";

/** A protect refusal in the dialog's words. */
export function protectRefusalText(
  refusal: ProtectRefusal,
  t: ReturnType<typeof protectWords.get>,
): string {
  switch (refusal.code) {
    case "tooShort":
      return t.refusedTooShort({ min: refusal.params.min });
    case "nothingToProtect":
      return t.refusedNothing;
    case "notReopened":
      return t.refusedNotReopened({ file: refusal.params.fileName });
    default:
      return t.refusedFailed;
  }
}
