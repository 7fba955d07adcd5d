import { count } from "@nanostores/i18n";
import { defineWords } from "../../../lib/i18n/i18n.ts";

// The button's words, on the first load. The dialog's are in components/words, its own chunk.
export const deleteActionWords = defineWords("delete-keypairs/action", {
  openFailedTitle: "Could not open the delete dialog",
  openFailedText: "Reload the page and try again.",
  deleted: count({ one: "Key pair deleted", other: "{count} key pairs deleted" }),
});
