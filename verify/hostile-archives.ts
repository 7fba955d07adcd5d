// The preview's archive check in Node over the whole hostile corpus, the hidden-entry and
// setuid kinds among them: every kind must be refused before anything is called verified.
import { analyzeArchive } from "../src/features/export/archive/analyze-archive.ts";
import { buildHostileArchives } from "../src/testing/hostile-archives.ts";

export async function hostileArchives() {
  const corpus = await buildHostileArchives();
  const accepted: string[] = [];
  for (const item of corpus) {
    try {
      await analyzeArchive(item.bytes, item.expected);
      accepted.push(item.kind);
    } catch {
      // Refused, as it must be.
    }
  }
  const hidden = corpus.filter((item) => /hidden|gap|junk|setuid/i.test(item.kind));
  return {
    kinds: corpus.length,
    accepted,
    hiddenKinds: hidden.length,
    hiddenAccepted: accepted.filter((kind) => hidden.some((item) => item.kind === kind)).length,
  };
}
