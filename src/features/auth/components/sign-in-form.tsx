import {
  Alert,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, memo, useState } from "react";
import { LanguagePicker } from "../../../components/language-picker.tsx";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { lastSignOutReason, setSession } from "../../../lib/session.ts";
import { readRememberedSignIn, rememberSignIn } from "../remembered-sign-in.ts";
import { useConsoleSetup } from "../use-console-setup.ts";
import { useSignIn } from "../use-sign-in.ts";
import { signInWords } from "../words/sign-in-en.ts";
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

const SIGNED_OUT_BECAUSE = {
  inactivity: "signedOutInactivity",
  expired: "signedOutExpired",
  unauthorized: "signedOutUnauthorized",
} as const;

// Memoised: the App redraws as the session arrives, and the form has nothing new to show then.
export const SignInForm = memo(function SignInForm() {
  const t = useWords(signInWords);
  const [remembered] = useState(readRememberedSignIn);
  const [account, setAccountValue] = useState(remembered?.account ?? "");
  const [user, setUserValue] = useState(remembered?.user ?? "");
  // Set once IAM has said this user has a virtual MFA device (IAM.7101): the id the code is for.
  const [mfaUserId, setMfaUserId] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const demo = useConsoleSetup()?.demo ?? null;
  // The demo's account name fills an empty field once the server has said it runs the demo.
  const [prefilled, setPrefilled] = useState(false);
  if (demo && !prefilled) {
    setPrefilled(true);
    if (!account) setAccountValue(demo.account);
  }
  const [password, setPassword] = useState("");
  const [project, setProject] = useState("cn-north-4");
  const signIn = useSignIn();
  const failure = signIn.failure;
  if (failure?.reason === "codeNeeded" && mfaUserId === null) {
    setMfaUserId(failure.userId ?? "");
  }
  // Another user or account is another sign-in: the code asked for the last one no longer applies.
  function forgetCode() {
    setMfaUserId(null);
    setCode("");
  }
  const setAccount = (value: string) => {
    setAccountValue(value);
    forgetCode();
  };
  const setUser = (value: string) => {
    setUserValue(value);
    forgetCode();
  };
  const reason = lastSignOutReason();
  const notice =
    reason && reason in SIGNED_OUT_BECAUSE
      ? t[SIGNED_OUT_BECAUSE[reason as keyof typeof SIGNED_OUT_BECAUSE]]
      : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const session = await signIn.submit({
      account: account.trim(),
      user: user.trim(),
      password,
      project: project.trim(),
      totp: mfaUserId === null ? undefined : { userId: mfaUserId, passcode: code },
    });
    if (!session) {
      // A code is good once: the next try needs the next one.
      setCode("");
      return;
    }
    // Signed in, the console replaces this form and its state goes with it: drawing it again
    // first (emptied, at the moment the token arrives) only delayed the console's first rows.
    rememberSignIn({ account: account.trim(), user: user.trim() });
    setSession(session);
  }

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={420} mx="auto" mt="10vh">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <Stack>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Title order={1} size="h2" id="sign-in-title">
                {t.title}
              </Title>
              <Text c="dimmed" size="sm">
                {t.intro}
              </Text>
            </div>
            <LanguagePicker />
          </Group>
          {demo && <DemoAccounts demo={demo} />}
          {notice && !failure && (
            <Alert color="blue" title={t.signedOutTitle}>
              {notice}
            </Alert>
          )}
          {failure && failure.reason !== "codeNeeded" && (
            <Alert color="red" title={t.failedTitle} role="alert">
              {signIn.FailureText ? <signIn.FailureText failure={failure} /> : t.failedUnexpected}
            </Alert>
          )}
          <TextInput
            label={t.account}
            required
            withAsterisk={false}
            autoComplete="organization"
            autoFocus={!remembered}
            value={account}
            onChange={(event) => setAccount(event.currentTarget.value)}
          />
          <TextInput
            label={t.user}
            required
            withAsterisk={false}
            autoComplete="username"
            value={user}
            onChange={(event) => setUser(event.currentTarget.value)}
          />
          <PasswordInput
            label={t.password}
            // Remembered names leave only the password to type.
            autoFocus={Boolean(remembered)}
            required
            withAsterisk={false}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            visibilityToggleButtonProps={{ "aria-label": t.showPassword }}
          />
          {mfaUserId !== null && (
            <TextInput
              label={t.code}
              description={failure?.reason === "codeNeeded" ? t.codeNeeded : t.codeHint}
              // Asked after the password was right: the code is all that is left to type.
              autoFocus
              required
              withAsterisk={false}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value.replace(/\s/g, ""))}
            />
          )}
          <TextInput
            label={t.project}
            description={t.projectHint}
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
            {t.submit}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
});
