import { Button, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";

const ID = "idle-warning";

/** A toast rather than a modal: it must not take focus from whatever the user was doing. */
export function showIdleWarning(staySignedIn: () => void): void {
  notifications.show({
    id: ID,
    color: "yellow",
    title: "You will be signed out in a minute",
    autoClose: false,
    withCloseButton: false,
    message: (
      <Stack gap="xs" align="flex-start">
        <Text size="sm">There has been no activity for 14 minutes.</Text>
        <Button size="xs" onClick={staySignedIn}>
          Stay signed in
        </Button>
      </Stack>
    ),
  });
}

export function hideIdleWarning(): void {
  notifications.hide(ID);
}
