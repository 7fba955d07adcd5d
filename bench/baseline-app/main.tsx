// The first-load baseline: the least a React + Mantine sign-in form needs, built with the
// console's own Vite configuration.
import "@mantine/core/styles.css";
import { Button, MantineProvider, PasswordInput, Stack, TextInput } from "@mantine/core";
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <MantineProvider>
      <Stack maw={360} m="xl">
        <TextInput label="User name" />
        <PasswordInput label="Password" />
        <Button>Sign in</Button>
      </Stack>
    </MantineProvider>,
  );
}
