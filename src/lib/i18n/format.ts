import { useEffect, useMemo } from "react";
import { whenIdle } from "../when-idle.ts";
import { useLanguage } from "./i18n.ts";
import { type Language, language } from "./language.ts";

/** Numbers, sizes and times the way the chosen language writes them, in the user's time zone. */
export type Format = {
  number: (value: number) => string;
  /** "1,234 bytes", "1.2 KB": the unit in words the language uses. */
  bytes: (value: number) => string;
  /** Local date and time, for the page. */
  dateTime: (date: Date) => string;
  /** The same moment in UTC, for a title on hover. */
  utc: (date: Date) => string;
};

// Intl formatters are immutable and building one costs up to a few milliseconds (the two date
// formats most; the first of all, about 30 ms, loads the language's data): each language's set
// is shared, not built per component, and each formatter is built when first used, so the
// console's first render after sign-in builds only the number format its count needs.
const built = new Map<Language, Format>();

export function formatFor(code: Language): Format {
  let format = built.get(code);
  if (!format) {
    format = buildFormat(code);
    built.set(code, format);
  }
  return format;
}

function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

function buildFormat(code: Language): Format {
  const number = onFirstUse(() => new Intl.NumberFormat(code));
  const unit = (name: string, unitDisplay: "long" | "short") =>
    onFirstUse(
      () =>
        new Intl.NumberFormat(code, {
          style: "unit",
          unit: name,
          unitDisplay,
          maximumFractionDigits: 1,
        }),
    );
  const byte = unit("byte", "long");
  const kilobyte = unit("kilobyte", "short");
  const megabyte = unit("megabyte", "short");
  const local = onFirstUse(
    () => new Intl.DateTimeFormat(code, { dateStyle: "medium", timeStyle: "medium" }),
  );
  const utc = onFirstUse(
    () =>
      new Intl.DateTimeFormat(code, { dateStyle: "medium", timeStyle: "long", timeZone: "UTC" }),
  );
  return {
    number: (value) => number().format(value),
    bytes: (value) => {
      if (value < 1024) return byte().format(value);
      if (value < 1024 * 1024) return kilobyte().format(value / 1024);
      return megabyte().format(value / (1024 * 1024));
    },
    dateTime: (date) => local().format(date),
    utc: (date) => utc().format(date),
  };
}

/** For code outside React (a toast's words): the format of the language now chosen. */
export function currentFormat(): Format {
  return formatFor(language.get());
}

export function useFormat(): Format {
  const code = useLanguage();
  return useMemo(() => formatFor(code), [code]);
}

/**
 * Builds every formatter of the language chosen once the page is idle, so the first preview or
 * details drawer does not build its sizes and dates while the user waits for it.
 */
export function useFormatsBuiltWhenIdle(): void {
  const code = useLanguage();
  useEffect(() => {
    const build = () => {
      const format = formatFor(code);
      const date = new Date(0);
      for (const bytes of [1, 1024, 1024 * 1024]) format.bytes(bytes);
      format.number(0);
      format.dateTime(date);
      format.utc(date);
      // Counted words build their plural rules at each use; the first one in a page loads the
      // language's plural data (about 4 ms as the export preview first says "10 keys").
      new Intl.PluralRules(code).select(0);
    };
    return whenIdle(build);
  }, [code]);
}
