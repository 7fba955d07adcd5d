import { Group, NativeSelect, TextInput } from "@mantine/core";
import { useWords } from "../../../lib/i18n/i18n.ts";
import type { KeypairFilters } from "../filter-keypairs.ts";
import { listWords, valueWords } from "../words/en.ts";

type Props = { filters: KeypairFilters; onChange: (filters: KeypairFilters) => void };

export function KeypairFiltersBar({ filters, onChange }: Props) {
  const t = useWords(listWords);
  const values = useWords(valueWords);
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label={t.searchLabel}
        placeholder={t.searchPlaceholder}
        type="search"
        w={300}
        value={filters.search}
        onChange={(event) => onChange({ ...filters, search: event.currentTarget.value })}
      />
      <NativeSelect
        label={t.scopeLabel}
        value={filters.scope}
        data={[
          { value: "all", label: t.scopeAll },
          { value: "user", label: t.scopeUsers },
          { value: "domain", label: t.scopeDomains },
        ]}
        onChange={(event) =>
          onChange({ ...filters, scope: event.currentTarget.value as KeypairFilters["scope"] })
        }
      />
      <NativeSelect
        label={t.hostedLabel}
        value={filters.hosted}
        data={[
          { value: "all", label: t.hostedAll },
          { value: "hosted", label: values.hosted },
          { value: "not-hosted", label: values.notHosted },
        ]}
        onChange={(event) =>
          onChange({ ...filters, hosted: event.currentTarget.value as KeypairFilters["hosted"] })
        }
      />
      <NativeSelect
        label={t.statusLabel}
        value={filters.status}
        data={[
          { value: "all", label: t.statusAll },
          { value: "normal", label: values.state0 },
          { value: "frozen", label: t.statusFrozen },
        ]}
        onChange={(event) =>
          onChange({ ...filters, status: event.currentTarget.value as KeypairFilters["status"] })
        }
      />
    </Group>
  );
}
