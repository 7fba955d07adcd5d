// Explicit field lists for what leaves the server: no list or detail response can ever carry a
// private key, whatever the row holds.
import type { KeypairRow } from "./keypair-store.ts";

function summary(row: KeypairRow) {
  return {
    name: row.name,
    type: row.type,
    scope: row.scope,
    public_key: row.public_key,
    fingerprint: row.fingerprint,
    is_key_protection: row.hosted === 1,
  };
}

export function toListItem(row: KeypairRow) {
  // The list reports frozen_state as a string, the detail as an integer (as the cloud does).
  return { keypair: { ...summary(row), frozen_state: String(row.frozen_state) } };
}

export function toDetail(row: KeypairRow) {
  return {
    keypair: {
      id: row.id,
      ...summary(row),
      frozen_state: row.frozen_state,
      description: row.description,
      user_id: row.user_id,
      create_time: row.create_time,
      update_time: row.update_time,
      delete_time: null,
      deleted: false,
      algorithm: row.algorithm,
    },
  };
}
