import { Group, NativeSelect, TextInput } from "@mantine/core";
import {
  type Dispatch,
  memo,
  type RefObject,
  type SetStateAction,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useWords } from "../../../lib/i18n/i18n.ts";
import type { KeypairFilters } from "../filter-keypairs.ts";
import { listWords, valueWords } from "../words/en.ts";

type SetFilters = Dispatch<SetStateAction<KeypairFilters>>;
type Props = { filters: KeypairFilters; onChange: SetFilters };
type Choice = "scope" | "hosted" | "status";
type Option = { value: string; label: string };

// Each control is memoised on its own value, so a keystroke re-renders none of them: the search
// box is left to the browser while typing (uncontrolled), and the bar writes a change from
// elsewhere (the address, "Clear filters") into it.
const SearchField = memo(function SearchField({
  inputRef,
  initial,
  onChange,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  initial: string;
  onChange: SetFilters;
}) {
  const t = useWords(listWords);
  return (
    <TextInput
      ref={inputRef}
      label={t.searchLabel}
      placeholder={t.searchPlaceholder}
      type="search"
      w={300}
      defaultValue={initial}
      onChange={(event) => {
        const search = event.currentTarget.value;
        onChange((current) => ({ ...current, search }));
      }}
    />
  );
});

const ChoiceField = memo(function ChoiceField({
  choice,
  label,
  value,
  data,
  onChange,
}: {
  choice: Choice;
  label: string;
  value: string;
  data: Option[];
  onChange: SetFilters;
}) {
  return (
    <NativeSelect
      label={label}
      value={value}
      data={data}
      onChange={(event) => {
        const picked = event.currentTarget.value;
        onChange((current) => ({ ...current, [choice]: picked }));
      }}
    />
  );
});

export const KeypairFiltersBar = memo(function KeypairFiltersBar({ filters, onChange }: Props) {
  const t = useWords(listWords);
  const values = useWords(valueWords);
  const searchInput = useRef<HTMLInputElement>(null);
  const [initialSearch] = useState(filters.search);
  useLayoutEffect(() => {
    const input = searchInput.current;
    if (input && input.value !== filters.search) input.value = filters.search;
  }, [filters.search]);
  const options = useMemo(
    () => ({
      scope: [
        { value: "all", label: t.scopeAll },
        { value: "user", label: t.scopeUsers },
        { value: "domain", label: t.scopeDomains },
      ],
      hosted: [
        { value: "all", label: t.hostedAll },
        { value: "hosted", label: values.hosted },
        { value: "not-hosted", label: values.notHosted },
      ],
      status: [
        { value: "all", label: t.statusAll },
        { value: "normal", label: values.state0 },
        { value: "frozen", label: t.statusFrozen },
      ],
    }),
    [t, values],
  );
  return (
    <Group align="flex-end" gap="sm">
      <SearchField inputRef={searchInput} initial={initialSearch} onChange={onChange} />
      <ChoiceField
        choice="scope"
        label={t.scopeLabel}
        value={filters.scope}
        data={options.scope}
        onChange={onChange}
      />
      <ChoiceField
        choice="hosted"
        label={t.hostedLabel}
        value={filters.hosted}
        data={options.hosted}
        onChange={onChange}
      />
      <ChoiceField
        choice="status"
        label={t.statusLabel}
        value={filters.status}
        data={options.status}
        onChange={onChange}
      />
    </Group>
  );
});
