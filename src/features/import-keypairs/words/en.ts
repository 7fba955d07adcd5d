import { defineWords } from "../../../lib/i18n/i18n.ts";

// The toolbar's words, loaded with the page. The dialogs' are in components/words, loaded
// with their chunks.
export const importActionWords = defineWords("import-keypairs/actions", {
  importOne: "Import public key",
  importSeveral: "Import several",
});
