import { Alert, Button, Checkbox, Code, Group, Stack, Text } from "@mantine/core";
import type { CreatedKeypair } from "../api/create-keypair.ts";

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
  const { keypair, hosted, downloaded, notNeeded, asking } = props;
  const safe = downloaded || notNeeded;
  const file = `${keypair.name}.pem`;
  return (
    <Stack>
      {hosted ? (
        <Alert color="blue" title="Download the private key">
          <Text size="sm">
            KPS hosts this private key, so it can be exported later. You can also download it now.
          </Text>
        </Alert>
      ) : (
        <Alert color="yellow" title="Download the private key now">
          <Text size="sm">
            KPS does not keep this private key. This is the only time it can be downloaded: without
            it, nobody can sign in with this key pair.
          </Text>
        </Alert>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Public key
        </Text>
        <Code block style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
          {keypair.publicKey}
        </Code>
      </Stack>
      <Group>
        <Button onClick={props.onDownload} variant={downloaded ? "light" : "filled"}>
          {`Download ${file}`}
        </Button>
        {downloaded && (
          <Text size="sm" role="status">
            Saved as {file}. Keep it safe.
          </Text>
        )}
      </Group>
      {props.downloadFailed && (
        <Alert color="red" title="The download did not start" role="alert">
          <Text size="sm">The browser refused to save the file. Try again.</Text>
        </Alert>
      )}
      <Checkbox
        label="I do not need the private key"
        checked={notNeeded}
        disabled={downloaded}
        onChange={(event) => props.onNotNeededChange(event.currentTarget.checked)}
      />
      {asking && !safe && (
        <Alert color="red" title="Close without the private key?" role="alert">
          <Text size="sm">
            It has not been downloaded.
            {hosted
              ? " It can still be exported from KPS later."
              : " KPS keeps no copy, so it is lost when this dialog closes."}
          </Text>
          <Group mt="sm">
            <Button size="xs" color="red" onClick={props.onConfirmClose}>
              Close without it
            </Button>
            <Button size="xs" variant="default" onClick={props.onKeepOpen}>
              Keep the dialog open
            </Button>
          </Group>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={props.onDone} disabled={!safe}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
