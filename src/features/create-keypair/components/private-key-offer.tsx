import { Alert, Button, Checkbox, Code, Group, Stack, Text } from "@mantine/core";
import { useWords } from "../../../lib/i18n/i18n.ts";
import type { CreatedKeypair } from "../api/create-keypair.ts";
import { offerWords } from "./words/en.ts";

type Props = {
  keypair: CreatedKeypair;
  hosted: boolean;
  downloaded: boolean;
  /** The browser refused the download. */
  downloadFailed: boolean;
  notNeeded: boolean;
  onDownload: () => void;
  onNotNeededChange: (notNeeded: boolean) => void;
  /** The close button was pressed before the key was safe: ask before it goes. */
  asking: boolean;
  onConfirmClose: () => void;
  onKeepOpen: () => void;
  onDone: () => void;
};

/** The one moment the private key is in the browser: offered as a file, never shown as text. */
export function PrivateKeyOffer(props: Props) {
  const t = useWords(offerWords);
  const { keypair, hosted, downloaded, notNeeded, asking } = props;
  const safe = downloaded || notNeeded;
  const file = `${keypair.name}.pem`;
  return (
    <Stack>
      {hosted ? (
        <Alert color="blue" title={t.hostedTitle}>
          <Text size="sm">{t.hostedText}</Text>
        </Alert>
      ) : (
        <Alert color="yellow" title={t.plainTitle}>
          <Text size="sm">{t.plainText}</Text>
        </Alert>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t.publicKey}
        </Text>
        <Code block style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
          {keypair.publicKey}
        </Code>
      </Stack>
      <Group>
        <Button onClick={props.onDownload} variant={downloaded ? "light" : "filled"}>
          {t.download({ file })}
        </Button>
        {downloaded && (
          <Text size="sm" role="status">
            {t.saved({ file })}
          </Text>
        )}
      </Group>
      {props.downloadFailed && (
        <Alert color="red" title={t.downloadFailedTitle} role="alert">
          <Text size="sm">{t.downloadFailedText}</Text>
        </Alert>
      )}
      <Checkbox
        label={t.notNeeded}
        checked={notNeeded}
        disabled={downloaded}
        onChange={(event) => props.onNotNeededChange(event.currentTarget.checked)}
      />
      {asking && !safe && (
        <Alert color="red" title={t.askTitle} role="alert">
          <Text size="sm">{hosted ? t.askHosted : t.askPlain}</Text>
          <Group mt="sm">
            <Button size="xs" color="red" onClick={props.onConfirmClose}>
              {t.closeWithout}
            </Button>
            <Button size="xs" variant="default" onClick={props.onKeepOpen}>
              {t.keepOpen}
            </Button>
          </Group>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={props.onDone} disabled={!safe}>
          {t.done}
        </Button>
      </Group>
    </Stack>
  );
}
