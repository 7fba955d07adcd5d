import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve, sep } from "node:path";

/** Removes the embedded server's data directory, so a run leaves nothing in the temp folder. */
export default function globalTeardown(): void {
  const dir = process.env.KPS_E2E_DATA_DIR;
  // Only ever a directory this config made under the temp folder, whatever the environment says.
  if (!dir || !resolve(dir).startsWith(resolve(tmpdir()) + sep)) return;
  rmSync(dir, { recursive: true, force: true });
}
