// The batch-export archive: one `<name>.pem` per key, no folders, exactly the exported text.
import JSZip from "jszip";
import type { ExportedKey } from "./export-service.ts";

export async function zipPrivateKeys(keys: ExportedKey[], now = new Date()): Promise<Buffer> {
  const zip = new JSZip();
  for (const key of keys) {
    // 0600: whoever unzips it on a Unix machine gets a key file ssh will accept.
    zip.file(`${key.name}.pem`, key.privateKey, { date: now, unixPermissions: 0o100600 });
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "UNIX" });
}
