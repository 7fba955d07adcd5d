import { defineWords } from "../../../../lib/i18n/i18n.ts";

// The toolbar's words, loaded with the page. The dialog's are in ../../words, loaded with it.
export const createActionWords = defineWords("create-keypair/action", {
  create: "Create key pair",
});
