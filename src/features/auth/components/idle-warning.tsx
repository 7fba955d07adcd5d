import { Button, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { sessionWords } from "../words/en.ts";

const ID = "idle-warning";

/** A toast rather than a modal: it must not take focus from whatever the user was doing. */
export function showIdleWarning(staySignedIn: () => void): void {
  const t = sessionWords.get();
  notifications.show({
    id: ID,
    color: "yellow",
    title: t.idleTitle,
    autoClose: false,
    withCloseButton: false,
    message: (
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t.idleText}</Text>
        <Button size="xs" onClick={staySignedIn}>
          {t.staySignedIn}
        </Button>
      </Stack>
    ),
  });
}

export function hideIdleWarning(): void {
  notifications.hide(ID);
}
