import { Alert, Button, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { ListTracesResponse } from "../../../../contract/traces.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { isApiError } from "../../../lib/api-error.ts";
import { explainError } from "../../../lib/explain-error.ts";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { sessionMay } from "../../../lib/permissions.ts";
import type { Session } from "../../../lib/session.ts";
import { consoleModeOptions } from "../api/console-mode.ts";
import { traceListOptions } from "../api/list-traces.ts";
import { type HistorySearch, traceQuery } from "../history-filters.ts";
import { type HistoryRow, toHistoryRow } from "../history-row.ts";
import { historyWords } from "../words/en.ts";
import { CsvDownload } from "./csv-download.tsx";
import { HistoryFiltersBar } from "./history-filters-bar.tsx";
import { HistoryTable } from "./history-table.tsx";

type Props = {
  session: Session;
  search: HistorySearch;
  onSearchChange: (search: HistorySearch) => void;
};

/** The route's page: who may read it decides what shows; the server refuses the rest anyway. */
export function HistoryPage(props: Props) {
  const t = useWords(historyWords);
  const { session } = props;
  return (
    <Stack gap={0} style={{ flex: 1, minHeight: 0 }}>
      <Title order={2} size="h3" mb="xs">
        {t.title({ project: session.project.name })}
      </Title>
      {sessionMay(session, "cts:trace:list") ? (
        <HistoryList {...props} />
      ) : (
        <Alert color="gray" title={t.notPermittedTitle} role="alert">
          {t.notPermittedText}
        </Alert>
      )}
    </Stack>
  );
}

// Each page is read once: at 100,000 records a new page must not re-read the 999 before it.
const pageRows = new WeakMap<ListTracesResponse, HistoryRow[]>();
function rowsOf(page: ListTracesResponse): HistoryRow[] {
  let rows = pageRows.get(page);
  if (!rows) {
    rows = page.traces.map(toHistoryRow);
    pageRows.set(page, rows);
  }
  return rows;
}

/** CTS_ENDPOINT unset in proxy mode: the route is not served at all. */
function isUnavailable(error: unknown): boolean {
  return isApiError(error) && error.status === 404 && error.code === "APIGW.0101";
}

function HistoryList({ session, search, onSearchChange }: Props) {
  const t = useWords(historyWords);
  const format = useFormat();
  // A preset range ends when the filters were last set, so the query key holds still between
  // renders; Refresh and every filter change move it to now.
  const [now, setNow] = useState(() => Date.now());
  const query = useMemo(() => traceQuery(search, now), [search, now]);
  const changeSearch = useCallback(
    (next: HistorySearch) => {
      setNow(Date.now());
      onSearchChange(next);
    },
    [onSearchChange],
  );
  const mode = useQuery(consoleModeOptions);
  const list = useInfiniteQuery({
    ...traceListOptions(session.project.id, query ?? { from: 0, to: 1 }),
    enabled: query !== null,
  });
  const rows = useMemo(() => list.data?.pages.flatMap(rowsOf) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (list.isError && isUnavailable(list.error)) {
    return (
      <Alert color="gray" title={t.unavailableTitle} role="status">
        {t.unavailableText}
      </Alert>
    );
  }
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t.intro}
      </Text>
      {mode.data === "proxy" && (
        <Alert color="blue" mb="sm" role="note">
          {t.proxyNote}
        </Alert>
      )}
      <HistoryFiltersBar search={search} now={now} onChange={changeSearch} />
      <Group justify="space-between" mb="xs" gap="xs">
        <Text size="sm" role="status" data-testid="history-count">
          {query === null
            ? null
            : list.isPending
              ? t.loading
              : hasNextPage
                ? t.loaded(rows.length).replace(String(rows.length), format.number(rows.length))
                : t.loadedAll(rows.length).replace(String(rows.length), format.number(rows.length))}
          {isFetchingNextPage && ` ${t.loadingMore}`}
        </Text>
        <Group gap="xs">
          {/* A new end for the range: what was exported since shows, from the first page. */}
          <Button variant="default" onClick={() => setNow(Date.now())}>
            {t.refresh}
          </Button>
          <CsvDownload
            projectId={session.project.id}
            projectName={session.project.name}
            query={query}
          />
        </Group>
      </Group>
      {query === null ? (
        <Text c="dimmed">{t.fixFilters}</Text>
      ) : list.isError ? (
        <ErrorAlert
          explanation={explainError(list.error, {
            what: t.loadWhat,
            failedTitle: t.loadFailedTitle,
          })}
          onRetry={() => void list.refetch()}
        />
      ) : list.isPending ? (
        <Loader size="sm" aria-label={t.loading} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t.empty}</Text>
      ) : (
        <HistoryTable rows={rows} canLoadMore={Boolean(hasNextPage)} onNearEnd={loadMore} />
      )}
    </>
  );
}
