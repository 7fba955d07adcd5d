import { defineWords } from "../../lib/i18n/i18n.ts";

export const navWords = defineWords("app/nav", {
  label: "Console pages",
  keypairs: "Key pairs",
  history: "Export history",
});
