import { Button, Group, NativeSelect, TextInput } from "@mantine/core";
import { useCallback } from "react";
import { useWords } from "../../../lib/i18n/i18n.ts";
import {
  DEFAULT_RANGE,
  type HistorySearch,
  isKeypairNameValid,
  OUTCOMES,
  type Outcome,
  RANGES,
  type RangePreset,
  timeWindow,
} from "../history-filters.ts";
import { useDebouncedText } from "../use-debounced.ts";
import { filterWords } from "../words/en.ts";

type Props = {
  search: HistorySearch;
  /** When the filters were set: where a preset range ends, and where a custom one starts from. */
  now: number;
  onChange: (search: HistorySearch) => void;
};

/** A datetime-local input's value is local time without a zone: the user's own clock. */
function toLocalInput(ms: number): string {
  const date = new Date(ms);
  const local = new Date(ms - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function fromLocalInput(value: string): number | undefined {
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

function withText(search: HistorySearch, key: "user" | "keypair", value: string): HistorySearch {
  const next = { ...search };
  const trimmed = value.trim();
  if (trimmed) next[key] = trimmed;
  else delete next[key];
  return next;
}

export function HistoryFiltersBar({ search, now, onChange }: Props) {
  const t = useWords(filterWords);
  const settleUser = useCallback(
    (value: string) => onChange(withText(search, "user", value)),
    [search, onChange],
  );
  const settleKeypair = useCallback(
    // A name the server would refuse stays in the field with its error, and is not asked for.
    (value: string) => {
      if (value.trim() === "" || isKeypairNameValid(value.trim()))
        onChange(withText(search, "keypair", value));
    },
    [search, onChange],
  );
  const [user, setUser] = useDebouncedText(search.user ?? "", settleUser);
  const [keypair, setKeypair] = useDebouncedText(search.keypair ?? "", settleKeypair);
  const keypairError = keypair.trim() !== "" && !isKeypairNameValid(keypair.trim());
  const range = search.range ?? DEFAULT_RANGE;
  const window = timeWindow(search, now);
  const outcomeLabels: Record<Outcome, string> = {
    all: t.outcomeAll,
    succeeded: t.outcomeSucceeded,
    refused: t.outcomeRefused,
    failed: t.outcomeFailed,
  };
  const rangeLabels: Record<RangePreset, string> = {
    "1h": t.range1h,
    "24h": t.range24h,
    "7d": t.range7d,
    "30d": t.range30d,
    custom: t.rangeCustom,
  };

  const setRange = (value: string) => {
    const next: HistorySearch = { ...search };
    delete next.from;
    delete next.to;
    const preset = RANGES.find((candidate) => candidate === value) ?? DEFAULT_RANGE;
    if (preset === DEFAULT_RANGE) delete next.range;
    else next.range = preset;
    // A custom range starts as the one shown, so the user adjusts it rather than starts over.
    if (preset === "custom") Object.assign(next, window);
    onChange(next);
  };
  const setEnd = (end: "from" | "to", value: string) => {
    const ms = fromLocalInput(value);
    if (ms !== undefined) onChange({ ...search, range: "custom", [end]: ms });
  };
  const filtered = search.user || search.keypair || search.outcome || search.range !== undefined;

  return (
    <Group role="search" aria-label={t.regionLabel} gap="xs" align="flex-start" mb="sm">
      <TextInput
        label={t.user}
        placeholder={t.userPlaceholder}
        value={user}
        onChange={(event) => setUser(event.currentTarget.value)}
        w={{ base: "100%", xs: 160 }}
        maxLength={255}
      />
      <TextInput
        label={t.keypair}
        placeholder={t.keypairPlaceholder}
        value={keypair}
        onChange={(event) => setKeypair(event.currentTarget.value)}
        error={keypairError ? t.keypairInvalid : undefined}
        w={{ base: "100%", xs: 200 }}
        maxLength={255}
      />
      <NativeSelect
        label={t.outcome}
        data={OUTCOMES.map((value) => ({ value, label: outcomeLabels[value] }))}
        value={search.outcome ?? "all"}
        onChange={(event) => {
          const next = { ...search };
          const value = event.currentTarget.value;
          const outcome = OUTCOMES.find((candidate) => candidate === value);
          if (outcome && outcome !== "all") next.outcome = outcome;
          else delete next.outcome;
          onChange(next);
        }}
        w={{ base: "100%", xs: 140 }}
      />
      <NativeSelect
        label={t.range}
        data={RANGES.map((value) => ({ value, label: rangeLabels[value] }))}
        value={range}
        onChange={(event) => setRange(event.currentTarget.value)}
        w={{ base: "100%", xs: 160 }}
      />
      {range === "custom" && (
        <>
          <TextInput
            type="datetime-local"
            label={t.from}
            value={toLocalInput(window.from)}
            onChange={(event) => setEnd("from", event.currentTarget.value)}
            error={window.from >= window.to ? t.rangeInvalid : undefined}
            w={{ base: "100%", xs: 210 }}
          />
          <TextInput
            type="datetime-local"
            label={t.to}
            value={toLocalInput(window.to)}
            onChange={(event) => setEnd("to", event.currentTarget.value)}
            w={{ base: "100%", xs: 210 }}
          />
        </>
      )}
      {filtered && (
        <Button variant="subtle" mt={{ base: 0, xs: 25 }} onClick={() => onChange({})}>
          {t.clear}
        </Button>
      )}
    </Group>
  );
}
