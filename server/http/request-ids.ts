// Request ids: 128 bits from the CSPRNG, as hex. Drawn from a pooled buffer because a
// randomBytes(16) call per request showed up at 2% of an export's CPU in a profile.
import { randomBytes } from "node:crypto";

const ID_BYTES = 16;
const POOL_BYTES = ID_BYTES * 256;

export function requestIdSource(): () => string {
  let pool = randomBytes(POOL_BYTES);
  let offset = 0;
  return () => {
    if (offset === POOL_BYTES) {
      // A fresh buffer, never a refill in place: ids already handed out stay what they were.
      pool = randomBytes(POOL_BYTES);
      offset = 0;
    }
    const id = pool.toString("hex", offset, offset + ID_BYTES);
    offset += ID_BYTES;
    return id;
  };
}
