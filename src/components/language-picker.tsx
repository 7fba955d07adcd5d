import { NativeSelect } from "@mantine/core";
import { switchLanguage, useLanguage, useWords } from "../lib/i18n/i18n.ts";
import {
  LANGUAGE_NAMES,
  LANGUAGE_SHORT_NAMES,
  LANGUAGES,
  type Language,
} from "../lib/i18n/language.ts";
import { languagePickerWords } from "./words/en.ts";

const OPTIONS = LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }));
const SHORT_OPTIONS = LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_SHORT_NAMES[code] }));

/** A native select: every keyboard and screen reader knows it, and it needs no popover code. */
export function LanguagePicker({ compact = false }: { compact?: boolean }) {
  const t = useWords(languagePickerWords);
  const current = useLanguage();
  return (
    <NativeSelect
      aria-label={t.label}
      data={compact ? SHORT_OPTIONS : OPTIONS}
      value={current}
      onChange={(event) => void switchLanguage(event.currentTarget.value as Language)}
      w={compact ? 68 : 96}
    />
  );
}
