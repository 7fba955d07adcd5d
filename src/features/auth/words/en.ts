import { defineWords } from "../../../lib/i18n/i18n.ts";

export const sessionWords = defineWords("auth/session", {
  idleTitle: "You will be signed out in a minute",
  idleText: "There has been no activity for 14 minutes.",
  staySignedIn: "Stay signed in",
  project: "Project",
  switchFailed: "Could not switch project",
  switchProjectWhat: "Switch project",
});
