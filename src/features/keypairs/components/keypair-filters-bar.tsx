import { Group, NativeSelect, TextInput } from "@mantine/core";
import type { KeypairFilters } from "../filter-keypairs.ts";

type Props = { filters: KeypairFilters; onChange: (filters: KeypairFilters) => void };

export function KeypairFiltersBar({ filters, onChange }: Props) {
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label="Search key pairs"
        placeholder="Name or fingerprint"
        type="search"
        w={300}
        value={filters.search}
        onChange={(event) => onChange({ ...filters, search: event.currentTarget.value })}
      />
      <NativeSelect
        label="Scope"
        value={filters.scope}
        data={[
          { value: "all", label: "All scopes" },
          { value: "user", label: "Private key pairs" },
          { value: "domain", label: "Account key pairs" },
        ]}
        onChange={(event) =>
          onChange({ ...filters, scope: event.currentTarget.value as KeypairFilters["scope"] })
        }
      />
      <NativeSelect
        label="Private key"
        value={filters.hosted}
        data={[
          { value: "all", label: "Hosted or not" },
          { value: "hosted", label: "Hosted" },
          { value: "not-hosted", label: "Not hosted" },
        ]}
        onChange={(event) =>
          onChange({ ...filters, hosted: event.currentTarget.value as KeypairFilters["hosted"] })
        }
      />
      <NativeSelect
        label="Status"
        value={filters.status}
        data={[
          { value: "all", label: "Any status" },
          { value: "normal", label: "Normal" },
          { value: "frozen", label: "Frozen" },
        ]}
        onChange={(event) =>
          onChange({ ...filters, status: event.currentTarget.value as KeypairFilters["status"] })
        }
      />
    </Group>
  );
}
