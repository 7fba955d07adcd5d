/**
 * Query keys are shared vocabulary: the list feature reads under them and every feature that
 * changes key pairs names them in its mutation's `meta.invalidates`, without importing the list.
 */
export const keypairKeys = {
  all: (projectId: string) => ["keypairs", projectId] as const,
  list: (projectId: string) => [...keypairKeys.all(projectId), "list"] as const,
  detail: (projectId: string, name: string) =>
    [...keypairKeys.all(projectId), "detail", name] as const,
};

/** The export history (issue 15): per project and per filter set, so a filter change refetches. */
export const historyKeys = {
  all: (projectId: string) => ["export-history", projectId] as const,
  list: (projectId: string, query: object) =>
    [...historyKeys.all(projectId), "list", query] as const,
};
