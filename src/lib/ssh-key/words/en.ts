import { defineWords } from "../../i18n/i18n.ts";

// Alone in this file: the drawer shows it on first load; the longer key problems load with the
// dialogs that show them (../problems/words).
export const algorithmNameWords = defineWords("lib/ssh-key/algorithms", {
  notReported: "Not reported",
});
