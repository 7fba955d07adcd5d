import { useDebouncedCallback } from "@mantine/hooks";
import { type Dispatch, type SetStateAction, useEffect, useRef, useState } from "react";
import type { KeypairFilters } from "./filter-keypairs.ts";

const WRITE_AFTER_MS = 300;

function same(a: KeypairFilters, b: KeypairFilters): boolean {
  return (
    a.search === b.search &&
    a.scope === b.scope &&
    a.hosted === b.hosted &&
    a.status === b.status &&
    a.sort === b.sort
  );
}

/**
 * Filters that the address bar holds: typing updates local state at once and the address a
 * moment later (a navigation per keystroke would cost every keystroke), while back, forward or
 * a pasted link bring the address's filters in.
 */
export function useAddressedFilters(
  address: KeypairFilters,
  onAddressChange: (filters: KeypairFilters) => void,
): [KeypairFilters, Dispatch<SetStateAction<KeypairFilters>>] {
  const [filters, setFilters] = useState(address);
  const written = useRef(address);
  const write = useDebouncedCallback((next: KeypairFilters) => {
    written.current = next;
    onAddressChange(next);
  }, WRITE_AFTER_MS);

  useEffect(() => {
    if (same(address, written.current)) return;
    written.current = address;
    write.cancel();
    setFilters(address);
  }, [address, write]);

  useEffect(() => {
    if (!same(filters, written.current)) write(filters);
  }, [filters, write]);

  return [filters, setFilters];
}
