import type { Format } from "../../lib/i18n/format.ts";

/**
 * A count's words with its numbers written as the language writes them ("1,234 key pairs"):
 * count() picks the plural form but puts the bare number in for {count}, so that number is
 * swapped for the formatted one before any other {name} is filled, and none of those can clash.
 */
export function countWords(
  words: (count: number) => string,
  value: number,
  format: Format,
  numbers: Record<string, number> = {},
): string {
  let text = words(value).replace(String(value), format.number(value));
  for (const [name, number] of Object.entries(numbers)) {
    text = text.replaceAll(`{${name}}`, format.number(number));
  }
  return text;
}
