import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { lastSignOutReason, setSession } from "../../../lib/session.ts";
import { readRememberedSignIn, rememberSignIn } from "../remembered-sign-in.ts";
import { signInErrorText } from "../sign-in-error.ts";
import { useConsoleSetup } from "../use-console-setup.ts";
import { useSignIn } from "../use-sign-in.ts";
import { DemoAccounts } from "./demo-accounts.tsx";

/**
 * Region projects offered as suggestions; any other project name may be typed. A native
 * datalist rather than Mantine's Autocomplete: the combobox, popover and floating-ui behind it
 * were a tenth of the first load, for eleven fixed words.
 */
const REGION_PROJECTS = [
  "cn-north-4",
  "cn-north-1",
  "cn-east-3",
  "cn-east-2",
  "cn-south-1",
  "cn-southwest-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "af-south-1",
  "la-south-2",
  "sa-brazil-1",
  "tr-west-1",
  "me-east-1",
];

const SIGNED_OUT_BECAUSE: Record<string, string> = {
  inactivity: "You were signed out after 15 minutes without activity.",
  expired: "Your session expired. Sign in again.",
  unauthorized: "Your session is no longer valid. Sign in again.",
};

export function SignInForm() {
  const [remembered] = useState(readRememberedSignIn);
  const [account, setAccount] = useState(remembered?.account ?? "");
  const [user, setUser] = useState(remembered?.user ?? "");
  const demo = useConsoleSetup()?.demo ?? null;
  // The demo's account name fills an empty field once the server has said it runs the demo.
  const [prefilled, setPrefilled] = useState(false);
  if (demo && !prefilled) {
    setPrefilled(true);
    if (!account) setAccount(demo.account);
  }
  const [password, setPassword] = useState("");
  const [project, setProject] = useState("cn-north-4");
  const signIn = useSignIn();
  const notice = SIGNED_OUT_BECAUSE[lastSignOutReason() ?? ""];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const session = await signIn.submit({
      account: account.trim(),
      user: user.trim(),
      password,
      project: project.trim(),
    });
    if (!session) return;
    setPassword("");
    rememberSignIn({ account: account.trim(), user: user.trim() });
    setSession(session);
  }

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={420} mx="auto" mt="10vh">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <Stack>
          <div>
            <Title order={1} size="h2" id="sign-in-title">
              KPS Console
            </Title>
            <Text c="dimmed" size="sm">
              Sign in with your IAM user to manage SSH key pairs.
            </Text>
          </div>
          {demo && <DemoAccounts demo={demo} />}
          {notice && !signIn.isError && (
            <Alert color="blue" title="Signed out">
              {notice}
            </Alert>
          )}
          {signIn.isError && (
            <Alert color="red" title="Could not sign in" role="alert">
              {signInErrorText(signIn.error)}
            </Alert>
          )}
          <TextInput
            label="Account name"
            required
            withAsterisk={false}
            autoComplete="organization"
            autoFocus={!remembered}
            value={account}
            onChange={(event) => setAccount(event.currentTarget.value)}
          />
          <TextInput
            label="User name"
            required
            withAsterisk={false}
            autoComplete="username"
            value={user}
            onChange={(event) => setUser(event.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            // Remembered names leave only the password to type.
            autoFocus={Boolean(remembered)}
            required
            withAsterisk={false}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            visibilityToggleButtonProps={{ "aria-label": "Show or hide the password" }}
          />
          <TextInput
            label="Project"
            description="The region project, for example cn-north-4"
            required
            withAsterisk={false}
            list="region-projects"
            autoComplete="off"
            value={project}
            onChange={(event) => setProject(event.currentTarget.value)}
          />
          <datalist id="region-projects">
            {REGION_PROJECTS.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <Button type="submit" loading={signIn.pending}>
            Sign in
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
