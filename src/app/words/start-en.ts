import { defineWords } from "../../lib/i18n/i18n.ts";

// The first screen's words, apart: a module the sign-in shares with the lazy shell would bring
// all of the shell's words into the first load.

export const appWords = defineWords("app/start", {
  documentTitle: "KPS Console",
  loading: "Loading the console",
  loadFailedTitle: "The console could not be loaded",
  loadFailedText:
    "The connection may have dropped, or the console was updated. Your session is kept while you try again; reloading loads the newest console and signs you out first.",
  tryAgain: "Try again",
  signOutAndReload: "Sign out and reload",
});
