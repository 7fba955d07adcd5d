import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-error.ts";
import { errorWords } from "../../lib/words/en.ts";
import { importErrorWords } from "./components/words/en.ts";
import { explainBatchImportError, explainImportError } from "./explain-import-error.ts";

const error = (status: number, code: string, serviceMessage: string | null = null) =>
  new ApiError({ status, code, message: serviceMessage ?? code, serviceMessage });

describe("explainImportError", () => {
  it("tells a name taken meanwhile from another refusal, and a missing permission", () => {
    const taken = error(400, "KPS.0002", "parameter error: the key pair already exists");
    expect(explainImportError(taken)).toMatchObject({
      reason: "import.nameTaken",
      title: importErrorWords.get().takenTitle,
      serviceMessage: "parameter error: the key pair already exists",
    });
    expect(explainImportError(error(400, "KPS.0002", "bad key")).reason).toBe("import.refused");
    expect(explainBatchImportError(error(403, "KPS.9003")).reason).toBe("import.forbidden");
  });

  it("names one key or several in the common words", () => {
    const t = importErrorWords.get();
    const common = errorWords.get();
    expect(explainImportError(error(500, "KPS.0001")).text).toBe(
      common.serverFailedText({ what: t.whatOne.toLowerCase() }),
    );
    expect(explainBatchImportError(error(500, "KPS.0001")).text).toBe(
      common.serverFailedText({ what: t.whatMany.toLowerCase() }),
    );
  });
});
