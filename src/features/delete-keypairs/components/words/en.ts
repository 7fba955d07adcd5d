import { count, params } from "@nanostores/i18n";
import { defineWords } from "../../../../lib/i18n/i18n.ts";

// Imported only by the dialog, so these words load with its chunk, not on the first load.
export const deleteDialogWords = defineWords("delete-keypairs/dialog", {
  title: count({ one: "Delete {count} key pair", other: "Delete {count} key pairs" }),
  close: "Close delete dialog",
  warning: count({
    one: "This key pair in project {project} will be deleted, with any private key KPS hosts for it. This cannot be undone.",
    other:
      "These key pairs in project {project} will be deleted, with any private key KPS hosts for them. This cannot be undone.",
  }),
  toDelete: "Key pairs to delete",
  confirmLabel: params("Type {word} to confirm"),
  cancel: "Cancel",
  confirm: count({ one: "Delete {count} key pair", other: "Delete {count} key pairs" }),
  results: "Delete results",
  closeResults: "Close",
  waiting: "Waiting",
  deleting: "Deleting…",
  deletedOne: "Deleted",
  failed: "Not deleted",
  outcome: params("{name}: {state}"),
});

/** Why one key pair was not deleted, beside the service's own code and words. */
export const deleteErrorWords = defineWords("delete-keypairs/errors", {
  what: params("Delete {name}"),
  goneTitle: "Already gone",
  goneText: params("{name} no longer exists; it may have been deleted elsewhere."),
  goneAction: "Nothing to do: the list has been refreshed.",
  forbiddenTitle: "Not permitted",
  forbiddenText: params(
    "Your IAM user may not delete key pairs in this project, so {name} was kept.",
  ),
  forbiddenAction: "Ask an administrator for a policy with kps:SSHKeyPair:delete.",
  frozenTitle: "Key pair frozen",
  frozenText: params("{name} is frozen, so KPS will not delete it."),
  frozenAction: "Have the freeze lifted first, then delete it.",
});
