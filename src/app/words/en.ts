import { count, params } from "@nanostores/i18n";
import { defineWords } from "../../lib/i18n/i18n.ts";

export const shellWords = defineWords("app/shell", {
  productShort: "KPS",
  productRest: " Console",
  signOut: "Sign out",
  toDark: "Switch to dark colour scheme",
  toLight: "Switch to light colour scheme",
  notFoundTitle: "Page not found",
  notFoundText: "This address names no page of the console.",
  notFoundLink: "Go to the key pairs",
});

export const pageWords = defineWords("app/keypairs-page", {
  title: params("Key pairs in {project}"),
  delete: "Delete",
  deleteSelected: "Delete selected",
  selectionClearedTitle: "Selection cleared",
  selectionStays: params(
    count({
      one: "The key pair selected in {from} stays there; you are now in {to}.",
      other: "The {count} key pairs selected in {from} stay there; you are now in {to}.",
    }),
  ),
  selectionBlocked:
    "Your IAM user's policies allow neither exporting nor deleting key pairs in this project, so rows cannot be selected.",
});
