import { afterAll, describe, expect, it } from "vitest";
import { switchLanguage } from "../../lib/i18n/i18n.ts";
import { blockerWords, scopeWords, statusWords } from "./keypair-words.ts";
import { valueWords } from "./words/en.ts";
import zh from "./words/zh-cn.ts";

afterAll(() => switchLanguage("en"));

describe("a key pair's values in words", () => {
  it("names every frozen state the seed knows, and the number of one it does not", () => {
    const t = valueWords.get();
    expect(statusWords({ name: "x" }, t)).toBe(t.state0);
    expect(statusWords({ name: "x", frozen_state: 10 }, t)).toBe(t.state10);
    expect(statusWords({ name: "x", frozen_state: 11 }, t)).toBe(t.stateOther({ state: 11 }));
    expect(scopeWords({ name: "x", scope: "domain" }, t)).toBe(t.scopeDomain);
    // A scope this console does not know is shown as the service sent it.
    expect(scopeWords({ name: "x", scope: "project" }, t)).toBe("project");
  });

  it("speaks Chinese once zh-CN is chosen, the words loaded before the switch", async () => {
    await switchLanguage("zh-CN");
    const t = valueWords.get();
    const chinese = zh["keypairs/values"];
    expect(statusWords({ name: "x", frozen_state: 2 }, t)).toBe(chinese.state2);
    expect(blockerWords({ frozen: 2, notHosted: true }, t, "zh-CN")).toBe(
      chinese.cannotExportBoth.replace("{status}", chinese.state2),
    );
  });
});
