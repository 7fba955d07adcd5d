import type { NamedWords } from "./i18n.ts";

/** A count's forms: Chinese needs only `other`; English words give `one` too. */
export type PluralForms = { other: string; one?: string };

type Translated<Body> = {
  [Key in keyof Body]: Body[Key] extends string
    ? string
    : // A `count`, alone or inside `params`, is the one message called with a number.
      Body[Key] extends (input: number) => unknown
      ? PluralForms
      : string;
};

/**
 * The type of a `words/zh-cn.ts` default export, made from its `words/en.ts` module: a missing
 * key, an extra key or a missing group is a type error (`satisfies ChineseCatalog<typeof en>`).
 */
export type ChineseCatalog<EnglishModule> = {
  [Export in keyof EnglishModule as EnglishModule[Export] extends NamedWords<infer Name>
    ? Name
    : never]: EnglishModule[Export] extends NamedWords<string, infer Body>
    ? Translated<Body>
    : never;
};
