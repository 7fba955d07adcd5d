import { defineWords } from "../../../lib/i18n/i18n.ts";

// The drawer's buttons, on the first load. The dialogs' words are in components/words.
export const privateKeyActionWords = defineWords("private-key/actions", {
  host: "Host private key",
  clear: "Clear private key",
});
