import { defineWords } from "../i18n/i18n.ts";

// Apart from the error words: the root's crash notice is part of the first load, they are not.
export const crashWords = defineWords("lib/crash", {
  crashConsoleTitle: "The console stopped working",
  crashPageTitle: "This page stopped working",
  crashText:
    "Something in the console failed. Nothing was sent because of it, and your session is kept.",
  crashRetry: "Try again",
  crashReload: "Reload the console",
});
