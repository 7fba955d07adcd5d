import { atom } from "nanostores";

export const LANGUAGES = ["en", "zh-CN"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, so a reader finds theirs whatever is shown now. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", "zh-CN": "中文" };

/** For a phone's header, where "English" leaves no room for Sign out. */
export const LANGUAGE_SHORT_NAMES: Record<Language, string> = { en: "EN", "zh-CN": "中文" };

/** The one thing the console keeps in storage (issue 14): a language is not a secret. */
const STORAGE_KEY = "kps-console.language";

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

function stored(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** Any Chinese the browser asks for gets Simplified Chinese, the one Chinese there is. */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === "en" || lower.startsWith("en-")) return "en";
    if (lower === "zh" || lower.startsWith("zh-")) return "zh-CN";
  }
  return "en";
}

function initialLanguage(): Language {
  if (typeof navigator === "undefined") return "en";
  return stored() ?? browserLanguage(navigator.languages ?? [navigator.language]);
}

/** Written only by `switchLanguage` (./i18n.ts), after the words have loaded. */
export const language = atom<Language>(initialLanguage());

export function rememberLanguage(code: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private mode or storage off: the choice lasts until the tab closes, which is fine.
  }
}
