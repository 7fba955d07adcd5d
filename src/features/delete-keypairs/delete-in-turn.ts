/*
 * Deletes are sent one after another, never in parallel: each answer is shown as it comes, and a
 * refusal for one name does not stop the next.
 */

export type DeleteOutcome =
  | { name: string; state: "waiting" | "deleting" | "deleted" }
  | { name: string; state: "failed"; error: unknown };

export async function deleteInTurn(
  names: readonly string[],
  deleteOne: (name: string) => Promise<unknown>,
  onChange: (outcomes: DeleteOutcome[]) => void,
): Promise<DeleteOutcome[]> {
  const outcomes: DeleteOutcome[] = names.map((name) => ({ name, state: "waiting" }));
  const set = (index: number, outcome: DeleteOutcome) => {
    outcomes[index] = outcome;
    onChange([...outcomes]);
  };
  for (const [index, name] of names.entries()) {
    set(index, { name, state: "deleting" });
    try {
      await deleteOne(name);
      set(index, { name, state: "deleted" });
    } catch (error) {
      set(index, { name, state: "failed", error });
    }
  }
  return outcomes;
}

export function deletedNames(outcomes: readonly DeleteOutcome[]): string[] {
  return outcomes.filter((outcome) => outcome.state === "deleted").map((outcome) => outcome.name);
}
