import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { saveBlob } from "../../../lib/download.ts";
import { publicKeyFile } from "../public-key-file.ts";

/** Reading the public key needs no more than seeing it, so every user who sees it may save it. */
export function DownloadPublicKeyButton({ keypair }: { keypair: KeypairSummary }) {
  const file = publicKeyFile(keypair);
  function download() {
    if (!file) return;
    try {
      saveBlob(file.blob, file.fileName);
    } catch {
      notifications.show({
        color: "red",
        title: "Download refused by the browser",
        message: "Copy the public key shown below instead.",
      });
    }
  }
  return (
    <Button size="compact-sm" variant="light" disabled={!file} onClick={download}>
      Download public key
    </Button>
  );
}
