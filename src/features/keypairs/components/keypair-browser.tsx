import { Alert, Button, Group, Loader, Skeleton, Stack, Text } from "@mantine/core";
import { memo, useCallback, useEffect, useId, useMemo, useRef } from "react";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { explainError } from "../../../lib/explain-error.ts";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { whenIdle } from "../../../lib/when-idle.ts";
import { countWords } from "../count-words.ts";
import {
  type Filtered,
  filterKeypairs,
  type KeypairFilters,
  NO_FILTERS,
  prepareSearch,
  searchIndex,
} from "../filter-keypairs.ts";
import { selectRange, toggleName, toggleView } from "../selection.ts";
import { useAddressedFilters } from "../use-addressed-filters.ts";
import type { useAllKeypairs } from "../use-all-keypairs.ts";
import { listWords } from "../words/en.ts";
import { KeypairFiltersBar } from "./keypair-filters-bar.tsx";
import { KeypairTable } from "./keypair-table.tsx";
import { SelectionBar } from "./selection-bar.tsx";

// Memoised: a keystroke changes the count beside it, not the button.
const RefreshButton = memo(function RefreshButton({
  onRefresh,
  loading,
}: {
  onRefresh: () => void;
  loading: boolean;
}) {
  const t = useWords(listWords);
  return (
    <Button variant="default" size="compact-sm" onClick={onRefresh} loading={loading}>
      {t.refresh}
    </Button>
  );
});

type Props = {
  list: ReturnType<typeof useAllKeypairs>;
  selected: string[];
  onSelectedChange: (update: (selected: string[]) => string[]) => void;
  /** The selection's actions (export, delete), composed in by the page. */
  actions?: React.ReactNode;
  /** Why no row may be selected (the user may neither export nor delete), or null. */
  selectionBlocker?: string | null;
  /** The toolbar's actions (create, import), composed in by the page. */
  toolbar?: React.ReactNode;
  /** Opening a row's details is the page's: it owns the drawer and its address. */
  onOpen: (name: string) => void;
  /** The filters live in the page's address; the browser keeps its own copy so typing is instant. */
  filters: KeypairFilters;
  onFiltersChange: (filters: KeypairFilters) => void;
};

export function KeypairBrowser({
  list,
  selected,
  onSelectedChange,
  actions,
  selectionBlocker = null,
  toolbar,
  onOpen,
  filters: addressFilters,
  onFiltersChange,
}: Props) {
  const t = useWords(listWords);
  const format = useFormat();
  const [filters, setFilters] = useAddressedFilters(addressFilters, onFiltersChange);
  const capMessageId = useId();
  const blockedMessageId = useId();
  // In name order once per list, each row's search text made when the page is idle, so a
  // keystroke is one pass over the index and the rows it shows update in the same frame as the
  // box (a deferred filter cost a second frame).
  const index = useMemo(() => searchIndex(list.rows), [list.rows]);
  useEffect(() => whenIdle(() => prepareSearch(index)), [index]);
  // A cache, not state: each result is right for its own index and filters, so one from a
  // render that never committed is still a sound place to narrow from.
  const lastFiltered = useRef<Filtered | undefined>(undefined);
  const visible = useMemo(() => {
    const rows = filterKeypairs(index, filters, lastFiltered.current);
    lastFiltered.current = { index, filters, rows };
    return rows;
  }, [index, filters]);
  const { query, rows, complete } = list;

  // The row last ticked, where a shift-click's range starts.
  const anchor = useRef<string | null>(null);
  const onToggle = useCallback(
    (keypair: KeypairSummary, extend: boolean) => {
      const from = anchor.current;
      anchor.current = keypair.name;
      onSelectedChange((current) =>
        extend ? selectRange(current, visible, from, keypair) : toggleName(current, keypair),
      );
    },
    [onSelectedChange, visible],
  );
  const onToggleView = useCallback(
    (inView: readonly KeypairSummary[]) =>
      onSelectedChange((current) => toggleView(current, inView)),
    [onSelectedChange],
  );
  const onSortChange = useCallback(
    (sort: KeypairFilters["sort"]) => setFilters((current) => ({ ...current, sort })),
    [setFilters],
  );
  const { refetch } = list.query;
  const onRefresh = useCallback(() => refetch(), [refetch]);
  const onClearSelection = useCallback(() => onSelectedChange(() => []), [onSelectedChange]);

  let body: React.ReactNode;
  if (query.data && rows.length === 0 && complete) {
    body = (
      <Alert color="gray" title={t.emptyTitle}>
        {t.emptyText}
      </Alert>
    );
  } else if (query.data && rows.length > 0 && visible.length === 0) {
    body = (
      <Alert color="gray" title={t.noMatchTitle}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t.noMatchText}</Text>
          <Button variant="default" size="compact-sm" onClick={() => setFilters(NO_FILTERS)}>
            {t.clearFilters}
          </Button>
        </Stack>
      </Alert>
    );
  } else if (query.data && rows.length > 0) {
    body = (
      <KeypairTable
        rows={visible}
        selected={selected}
        sort={filters.sort}
        capMessageId={selectionBlocker ? blockedMessageId : capMessageId}
        selectionBlocker={selectionBlocker}
        onSortChange={onSortChange}
        onToggle={onToggle}
        onToggleView={onToggleView}
        onOpen={onOpen}
      />
    );
  } else if (query.isError) {
    body = null;
  } else {
    body = (
      <Stack gap="xs" aria-busy="true" aria-label={t.loading}>
        {Array.from({ length: 8 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={index} h={40} />
        ))}
      </Stack>
    );
  }

  const filtered = visible.length !== rows.length;
  return (
    <Stack gap="sm" flex={1} mih={0}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <KeypairFiltersBar filters={filters} onChange={setFilters} />
        {toolbar && <Group gap="xs">{toolbar}</Group>}
      </Group>
      <Group gap="sm" mih={24}>
        {query.data && (
          <Text size="sm" c="dimmed">
            {filtered
              ? countWords(t.showing, rows.length, format, { shown: visible.length })
              : countWords(t.total, rows.length, format)}
          </Text>
        )}
        {query.data && (
          <RefreshButton
            onRefresh={onRefresh}
            loading={query.isRefetching && !query.isFetchingNextPage}
          />
        )}
        {query.data && !complete && !query.isError && (
          <Group gap={6} role="status">
            <Loader size="xs" />
            <Text size="sm">{t.loadingMore}</Text>
          </Group>
        )}
      </Group>
      {query.isError && (
        <ErrorAlert
          explanation={explainError(query.error, {
            what: t.loadWhat,
            failedTitle: t.loadFailed,
          })}
          onRetry={() => query.refetch()}
        />
      )}
      {selectionBlocker && (
        <Text id={blockedMessageId} size="sm" c="dimmed">
          {selectionBlocker}
        </Text>
      )}
      {/* Nothing to select from while the list cannot be loaded: only the error and its Retry. */}
      {!(query.isError && !query.data) && (
        <SelectionBar
          selected={selected}
          capMessageId={capMessageId}
          onClear={onClearSelection}
          actions={actions}
        />
      )}
      {body}
    </Stack>
  );
}
