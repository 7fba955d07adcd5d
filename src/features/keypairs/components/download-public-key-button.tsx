import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { saveBlob } from "../../../lib/download.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { publicKeyFile } from "../public-key-file.ts";
import { detailWords } from "../words/en.ts";

/** Reading the public key needs no more than seeing it, so every user who sees it may save it. */
export function DownloadPublicKeyButton({ keypair }: { keypair: KeypairSummary }) {
  const t = useWords(detailWords);
  const file = publicKeyFile(keypair);
  function download() {
    if (!file) return;
    try {
      saveBlob(file.blob, file.fileName);
    } catch {
      notifications.show({
        color: "red",
        title: t.downloadRefusedTitle,
        message: t.downloadRefusedText,
      });
    }
  }
  return (
    <Button size="compact-sm" variant="light" disabled={!file} onClick={download}>
      {t.downloadPublicKey}
    </Button>
  );
}
