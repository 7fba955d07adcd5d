// Issue 14: words a user reads live in a `words/en.ts`, nowhere else. Biome's noJsxLiterals
// catches text between JSX tags; this scan catches what it cannot see: words given as props
// (label="…", aria-label={"…"}) and as fields of objects that become words (title: "…",
// message: `…`). A literal counts as words when it holds a space or starts with a capital;
// codes ("client.timeout", "web-01") do not. A line that must keep one says `// not words: why`.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "..");
const WORD_NAMES =
  "label|title|aria-label|placeholder|description|alt|message|text|action|what|failedTitle|" +
  "problem|note|hint|tooltip|confirmLabel|cancelLabel|retryLabel|region|error|summary";
const LITERAL = `(?:"([^"\\n]*)"|'([^'\\n]*)'|\`([^\`\\n]*)\`)`;
const AS_PROP = new RegExp(`\\b(?:${WORD_NAMES})=\\{?\\s*${LITERAL}`, "g");
const AS_FIELD = new RegExp(`\\b(?:${WORD_NAMES}):\\s*${LITERAL}`, "g");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "testing" || entry.name === "words" ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function looksLikeWords(literal: string): boolean {
  const text = literal.replace(/\$\{[^}]*\}/g, " ").trim();
  const composed = literal.includes("${") && /[a-z]{2}/.test(text);
  return /[A-Za-z]{2}/.test(text) && (composed || /\s/.test(text) || /^[A-Z][a-z]/.test(text));
}

function literalWords(source: string): string[] {
  return source.split("\n").flatMap((line, index) => {
    if (line.includes("// not words:")) return [];
    return [...line.matchAll(AS_PROP), ...line.matchAll(AS_FIELD)]
      .map((match) => match[1] ?? match[2] ?? match[3] ?? "")
      .filter(looksLikeWords)
      .map((literal) => `${index + 1}: ${literal}`);
  });
}

describe("no user-facing literal outside the words files", () => {
  it("finds the shapes it is meant to find", () => {
    expect(literalWords(`<Button aria-label="Close the dialog" size="sm" />`)).toHaveLength(1);
    expect(
      literalWords(`notifications.show({ title: "Deleted", message: \`\${n} gone\` })`),
    ).toHaveLength(2);
    expect(literalWords(`<Badge color="red" variant="light" data-testid="x" />`)).toEqual([]);
    expect(literalWords(`return { reason: "client.timeout", title: t.timeoutTitle };`)).toEqual([]);
  });

  it("finds none in the console's components, hooks and libraries", () => {
    const found = sources(SRC).flatMap((path) =>
      literalWords(readFileSync(path, "utf8")).map((hit) => `${relative(SRC, path)}:${hit}`),
    );
    expect(found).toEqual([]);
  });
});
