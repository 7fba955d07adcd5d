import { defineWords } from "../../lib/i18n/i18n.ts";

export const languagePickerWords = defineWords("components/language-picker", {
  label: "Language",
});
