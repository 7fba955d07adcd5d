import { PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useRef } from "react";
import classes from "../../../components/field-error.module.css";
import { useWords } from "../../../lib/i18n/i18n.ts";
import type { StepUp, StepUpProblem } from "../step-up.ts";
import { stepUpWords } from "../words/en.ts";

type Props = {
  stepUp: StepUp;
  userName: string;
  problem: StepUpProblem | null;
  password: string;
  code: string;
  disabled: boolean;
  onPassword: (value: string) => void;
  onCode: (value: string) => void;
};

type Words = ReturnType<typeof stepUpWords.get>;

export const CODE_PATTERN = /^\d{6}$/;

function problemText(problem: StepUpProblem | null, t: Words) {
  switch (problem?.code) {
    case "wrongPassword":
      return { password: t.wrongPassword };
    case "codeWrong":
      return { code: t.codeWrong };
    case "codeUsed":
      return { code: t.codeUsed };
    case "throttled":
      return { password: problem.seconds ? t.throttled(problem.seconds) : t.throttledMoment };
    case "failed":
      return { password: t.failed };
    default:
      return {};
  }
}

/** The password (and code) asked in place when the export needs a fresh sign-in. */
export function StepUpFields(props: Props) {
  const t = useWords(stepUpWords);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const { stage } = props.stepUp;
  // Focus goes where the next thing to type is: the password first, then the code.
  useEffect(() => {
    if (stage === "password") passwordRef.current?.focus();
    if (stage === "code") codeRef.current?.focus();
  }, [stage]);
  if (stage === "none") return null;
  const errors = problemText(props.problem, t);
  const codeFormat = props.code !== "" && !CODE_PATTERN.test(props.code) ? t.codeFormat : null;
  return (
    <Stack gap="xs" role="group" aria-label={t.title}>
      <Text size="sm" fw={600}>
        {t.title}
      </Text>
      <Text size="sm">{t.intro({ user: props.userName })}</Text>
      <PasswordInput
        ref={passwordRef}
        label={t.password}
        autoComplete="current-password"
        value={props.password}
        disabled={props.disabled}
        error={errors.password}
        classNames={{ error: classes.error, input: classes.input }}
        onChange={(event) => props.onPassword(event.currentTarget.value)}
        visibilityToggleButtonProps={{ "aria-label": t.showPassword }}
      />
      {stage === "code" && (
        <>
          <Text size="sm">{t.codeIntro}</Text>
          <TextInput
            ref={codeRef}
            label={t.code}
            description={t.codeHint}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            pattern="[0-9]{6}"
            value={props.code}
            disabled={props.disabled}
            error={errors.code ?? codeFormat}
            classNames={{ error: classes.error, input: classes.input }}
            onChange={(event) => props.onCode(event.currentTarget.value.replace(/\s/g, ""))}
          />
        </>
      )}
    </Stack>
  );
}
