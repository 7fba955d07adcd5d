import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-error.ts";
import { deletedNames, deleteInTurn } from "./delete-in-turn.ts";

describe("deleteInTurn", () => {
  it("sends one delete at a time and keeps going after a refusal", async () => {
    let inFlight = 0;
    let most = 0;
    const sent: string[] = [];
    const refusal = new ApiError({ status: 400, code: "KPS.4016", message: "gone" });
    const outcomes = await deleteInTurn(
      ["a", "b", "c"],
      async (name) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        sent.push(name);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        if (name === "b") throw refusal;
      },
      () => undefined,
    );
    expect(most).toBe(1);
    expect(sent).toEqual(["a", "b", "c"]);
    expect(outcomes.map((outcome) => outcome.state)).toEqual(["deleted", "failed", "deleted"]);
    expect(outcomes[1]).toMatchObject({ state: "failed", error: refusal });
    expect(deletedNames(outcomes)).toEqual(["a", "c"]);
  });

  it("reports each step so the dialog can show progress", async () => {
    const seen: string[] = [];
    await deleteInTurn(
      ["a"],
      async () => undefined,
      (outcomes) => seen.push(outcomes.map((outcome) => outcome.state).join()),
    );
    expect(seen).toEqual(["deleting", "deleted"]);
  });
});
