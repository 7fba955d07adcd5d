import { ComboboxChevron, InputBase } from "@mantine/core";
import { switchLanguage, useLanguage, useWords } from "../lib/i18n/i18n.ts";
import {
  LANGUAGE_NAMES,
  LANGUAGE_SHORT_NAMES,
  LANGUAGES,
  type Language,
} from "../lib/i18n/language.ts";
import { languagePickerWords } from "./words/en.ts";

/**
 * A native select: every keyboard and screen reader knows it, and it needs no popover code.
 * Drawn as Mantine's NativeSelect draws one (its input, its chevron), without NativeSelect's
 * parsing of option data, which put 0.3 KB gzip into the first load for two fixed languages.
 */
export function LanguagePicker({ compact = false }: { compact?: boolean }) {
  const t = useWords(languagePickerWords);
  const current = useLanguage();
  const names = compact ? LANGUAGE_SHORT_NAMES : LANGUAGE_NAMES;
  return (
    <InputBase
      component="select"
      aria-label={t.label}
      value={current}
      onChange={(event) => void switchLanguage(event.currentTarget.value as Language)}
      w={compact ? 68 : 96}
      pointer
      rightSection={<ComboboxChevron size="sm" />}
      rightSectionPointerEvents="none"
    >
      {LANGUAGES.map((code) => (
        <option key={code} value={code}>
          {names[code]}
        </option>
      ))}
    </InputBase>
  );
}
