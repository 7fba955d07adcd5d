import { createI18n, type Messages, type Translations } from "@nanostores/i18n";
import type { ReadableAtom } from "nanostores";
import { useCallback, useSyncExternalStore } from "react";
import { type Language, language, rememberLanguage } from "./language.ts";

type Catalog = Record<string, Record<string, unknown>>;

async function loadCatalog(code: Language): Promise<Catalog> {
  if (code !== "zh-CN") return {};
  return (await import("./chinese-catalog.ts")).chineseCatalog;
}

// Screen readers pick their voice from it, and the browser its fonts and hyphenation.
language.subscribe((code) => {
  if (typeof document !== "undefined") document.documentElement.lang = code;
});

export const i18n = createI18n(language, {
  baseLocale: "en",
  get: (code) => loadCatalog(code) as never,
});

/**
 * Words for one part of the console, English written here and typed from it, in a
 * `words/en.ts` or `words/<part>-en.ts`; the Chinese sibling (`zh-cn.ts`, `<part>-zh-cn.ts`)
 * must give every key (./catalog.ts). The name is the catalog key. A part gets its own file
 * when it loads at another time: a module shared by two chunks lands whole in the earlier.
 */
// Pure, so a module's groups that nothing imports are left out of the bundle.
/* @__NO_SIDE_EFFECTS__ */
export function defineWords<const Name extends string, Body extends Translations>(
  name: Name,
  english: Body,
): NamedWords<Name, Body> {
  return Object.assign(i18n(name, english), { wordsName: name });
}

export type NamedWords<
  Name extends string = string,
  Body extends Translations = Translations,
> = Messages<Body> & { wordsName: Name };

/**
 * A store's value, re-rendering when it changes. Not @nanostores/react's `useStore`: its
 * per-key listening (which these stores never use) brought 0.4 KB gzip into the first load.
 * Listening mounts the store, which is what makes a words store load its language.
 */
function useStore<Value>(store: ReadableAtom<Value>): Value {
  const subscribe = useCallback((changed: () => void) => store.listen(changed), [store]);
  return useSyncExternalStore(subscribe, store.get, store.get);
}

/** The words in the language now chosen; re-renders when it changes. */
export function useWords<Body extends Translations>(words: Messages<Body>): Body {
  return useStore(words);
}

export function useLanguage(): Language {
  return useStore(language);
}

/** Loads a language's words first, so the switch never shows a screen half in each. */
export async function loadLanguage(code: Language): Promise<void> {
  if (code === "en" || i18n.cache[code]) return;
  i18n.cache[code] = (await loadCatalog(code)) as never;
}

export async function switchLanguage(code: Language): Promise<void> {
  await loadLanguage(code);
  rememberLanguage(code);
  language.set(code);
}
