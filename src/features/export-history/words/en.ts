import { count, params } from "@nanostores/i18n";
import { defineWords } from "../../../lib/i18n/i18n.ts";

export const historyWords = defineWords("export-history/page", {
  title: params("Export history of {project}"),
  intro: "Every attempt to export a private key in this project, newest first.",
  notPermittedTitle: "You may not read the export history",
  notPermittedText:
    "Your IAM user's policies do not allow cts:trace:list in this project. Ask an administrator for the CTS ReadOnlyAccess role.",
  proxyNote:
    "This console forwards to the cloud's Cloud Trace Service, which holds no export reasons: they are in the console server's log, joined by request id.",
  unavailableTitle: "The export history is not available in this setup",
  unavailableText:
    "This console server forwards to the cloud without a Cloud Trace Service endpoint (CTS_ENDPOINT), so it cannot read the history.",
  loadWhat: "Load the export history",
  loadFailedTitle: "Could not load the export history",
  loading: "Loading the export history…",
  empty: "No export matches these filters.",
  loaded: count({ one: "{count} export loaded", other: "{count} exports loaded" }),
  loadedAll: count({ one: "{count} export", other: "{count} exports" }),
  loadingMore: "Loading more…",
  refresh: "Refresh",
  fixFilters: "Correct the filters above to see the history.",
});

export const filterWords = defineWords("export-history/filters", {
  regionLabel: "Filter the export history",
  user: "User",
  userPlaceholder: "User name",
  keypair: "Key pair",
  keypairPlaceholder: "Key-pair name",
  keypairInvalid: "A key-pair name has 1 to 255 letters, digits, hyphens or underscores.",
  outcome: "Outcome",
  outcomeAll: "All",
  outcomeSucceeded: "Succeeded",
  outcomeRefused: "Refused",
  outcomeFailed: "Failed",
  range: "Time",
  range1h: "Last hour",
  range24h: "Last 24 hours",
  range7d: "Last 7 days",
  range30d: "Last 30 days",
  rangeCustom: "Custom",
  from: "From",
  to: "To",
  rangeInvalid: "The start must be before the end.",
  clear: "Clear filters",
});

export const rowWords = defineWords("export-history/rows", {
  time: "Time",
  user: "User",
  keypairs: "Key pairs",
  outcome: "Outcome",
  errorCode: "Error code",
  reason: "Reason",
  source: "Source address",
  requestId: "Request ID",
  kind: "Export",
  traceId: "Trace ID",
  succeeded: "Succeeded",
  refused: "Refused",
  failed: "Failed",
  unknown: "Unknown",
  single: "Single",
  batch: "Batch",
  noReason: "No reason given",
  attempts: params("{count} attempts"),
  tableLabel: "Export attempts",
});

export const csvWords = defineWords("export-history/csv", {
  download: "Download CSV",
  downloading: count({ one: "{count} row fetched…", other: "{count} rows fetched…" }),
  cancel: "Cancel",
  tooMany: params(
    "More than {max} exports match: narrow the filters (time range, user, key pair) and download again.",
  ),
  failedWhat: "Download the export history",
  saved: count({ one: "{count} row saved", other: "{count} rows saved" }),
  savedTitle: "CSV downloaded",
  nothing: "Nothing to download: no export matches these filters.",
});
