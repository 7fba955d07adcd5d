import { Alert, Button, Group, Loader, Skeleton, Stack, Text } from "@mantine/core";
import { useCallback, useDeferredValue, useId, useMemo, useState } from "react";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import {
  filterKeypairs,
  type KeypairFilters,
  NO_FILTERS,
  searchIndex,
} from "../filter-keypairs.ts";
import { toggleName, toggleView } from "../selection.ts";
import type { useAllKeypairs } from "../use-all-keypairs.ts";
import { KeypairDetailDrawer } from "./keypair-detail-drawer.tsx";
import { KeypairFiltersBar } from "./keypair-filters-bar.tsx";
import { KeypairTable } from "./keypair-table.tsx";
import { SelectionBar } from "./selection-bar.tsx";

type Props = {
  projectId: string;
  list: ReturnType<typeof useAllKeypairs>;
  selected: string[];
  onSelectedChange: (update: (selected: string[]) => string[]) => void;
  /** The export action, composed in by the page. */
  actions?: React.ReactNode;
};

const count = new Intl.NumberFormat("en-US");

export function KeypairBrowser({ projectId, list, selected, onSelectedChange, actions }: Props) {
  const [filters, setFilters] = useState<KeypairFilters>(NO_FILTERS);
  const [openName, setOpenName] = useState<string | null>(null);
  const capMessageId = useId();
  // Typing stays instant while a 10,000-row filter runs at a lower priority.
  const deferred = useDeferredValue(filters);
  const haystacks = useMemo(() => searchIndex(list.rows), [list.rows]);
  const visible = useMemo(
    () => filterKeypairs(list.rows, deferred, haystacks),
    [list.rows, deferred, haystacks],
  );
  const { query, rows, complete } = list;

  const onToggle = useCallback(
    (keypair: KeypairSummary) => onSelectedChange((current) => toggleName(current, keypair)),
    [onSelectedChange],
  );
  const onToggleView = useCallback(
    () => onSelectedChange((current) => toggleView(current, visible)),
    [onSelectedChange, visible],
  );
  const onSortChange = useCallback(
    (sort: KeypairFilters["sort"]) => setFilters((current) => ({ ...current, sort })),
    [],
  );
  const onClearSelection = useCallback(() => onSelectedChange(() => []), [onSelectedChange]);
  const onCloseDetail = useCallback(() => setOpenName(null), []);

  let body: React.ReactNode;
  if (query.data && rows.length === 0 && complete) {
    body = (
      <Alert color="gray" title="No key pairs yet">
        This project has no key pairs you can see.
      </Alert>
    );
  } else if (query.data && rows.length > 0) {
    body = (
      <KeypairTable
        rows={visible}
        selected={selected}
        sort={filters.sort}
        capMessageId={capMessageId}
        onSortChange={onSortChange}
        onToggle={onToggle}
        onToggleView={onToggleView}
        onOpen={setOpenName}
      />
    );
  } else if (query.isError) {
    body = null;
  } else {
    body = (
      <Stack gap="xs" aria-busy="true" aria-label="Loading key pairs">
        {Array.from({ length: 8 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={index} h={40} />
        ))}
      </Stack>
    );
  }

  const filtered = visible.length !== rows.length;
  return (
    <Stack gap="sm">
      <KeypairFiltersBar filters={filters} onChange={setFilters} />
      <Group gap="sm" mih={24}>
        {query.data && (
          <Text size="sm" c="dimmed">
            {filtered
              ? `Showing ${count.format(visible.length)} of ${count.format(rows.length)} key pairs`
              : `${count.format(rows.length)} key pairs`}
          </Text>
        )}
        {query.data && !complete && !query.isError && (
          <Group gap={6} role="status">
            <Loader size="xs" />
            <Text size="sm">Loading more key pairs…</Text>
          </Group>
        )}
        {filtered && visible.length === 0 && query.data && (
          <Button variant="subtle" size="compact-sm" onClick={() => setFilters(NO_FILTERS)}>
            Clear search and filters
          </Button>
        )}
      </Group>
      {query.isError && (
        <Alert color="red" title="Could not load the key pairs" role="alert">
          <Text size="sm">
            {query.error.message}
            {"requestId" in query.error && query.error.requestId
              ? ` (request id ${String(query.error.requestId)})`
              : ""}
          </Text>
          <Button mt="sm" size="xs" variant="light" onClick={() => query.refetch()}>
            Retry
          </Button>
        </Alert>
      )}
      <SelectionBar
        selected={selected}
        capMessageId={capMessageId}
        onClear={onClearSelection}
        actions={actions}
      />
      {body}
      <KeypairDetailDrawer projectId={projectId} name={openName} onClose={onCloseDetail} />
    </Stack>
  );
}
