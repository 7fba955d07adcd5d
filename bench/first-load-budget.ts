// Part of `npm test`: fails when the JS that index.html loads outgrows a fixed gzip budget, or
// when the console's chunk has lost the compile hint its first render needs (vite.config.ts).
// Bytes are deterministic where times are not, so this can hold the line in CI; the ratio
// against the React + Mantine baseline (89,248 B on this toolchain) is `npm run bench`'s.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { entryGzipBytes } from "./first-load.ts";

/**
 * What the sign-in form needs, and nothing that waits behind it: 1.1x the baseline (issue 17's
 * target 4), with the words seam (issue 14), the six-digit code (issue 15) and the language
 * picker inside it. What the lifecycle, the history, Chinese, the protected download and even
 * a refused sign-in's explanation need loads only when used. Index.html's code is one chunk
 * (vite.config.ts), so a shared module costs no split of its own.
 */
export const FIRST_LOAD_JS_BUDGET = 98_172;

const dist = join(import.meta.dirname, "..", "dist");
const { js } = entryGzipBytes(dist);
const verdict = `first-load JS ${js.toLocaleString("en")} B gzip, budget ${FIRST_LOAD_JS_BUDGET.toLocaleString("en")} B`;
if (js > FIRST_LOAD_JS_BUDGET) {
  console.error(`${verdict}: over. Load what is not needed before sign-in on demand.`);
  process.exit(1);
}
console.log(`${verdict}: within.`);

const HINT = "//# allFunctionsCalledOnLoad\n";
const shell = readdirSync(join(dist, "assets")).find((name) =>
  /^signed-in-shell-[\w-]+\.js$/.test(name),
);
if (!shell || !readFileSync(join(dist, "assets", shell), "utf8").startsWith(HINT)) {
  console.error(`the console's chunk (${shell ?? "not found"}) does not open with ${HINT.trim()}`);
  process.exit(1);
}
console.log(`${shell} opens with its compile hint.`);
