import { defineWords } from "../../../lib/i18n/i18n.ts";

// The toolbar button's words, loaded with the page. The dialog's are in components/words,
// loaded with its chunk.
export const createActionWords = defineWords("create-keypair/action", {
  create: "Create key pair",
});
