import { TextInput } from "@mantine/core";
import type { ExportReasonMode } from "../../../../contract/export-audit.ts";
import { EXPORT_REASON_MAX, EXPORT_REASON_MIN } from "../../../../contract/export-audit.ts";
import classes from "../../../components/field-error.module.css";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { reasonLength, reasonProblem } from "../reason-rules.ts";
import { reasonWords } from "../words/en.ts";

type Props = {
  mode: ExportReasonMode;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  /** The server refused the reason sent (KPS.7001/7002). */
  serverRefusal: "required" | "invalid" | null;
};

type Words = ReturnType<typeof reasonWords.get>;

function problemText(value: string, mode: ExportReasonMode, t: Words): string | null {
  const problem = reasonProblem(value, mode);
  const length = reasonLength(value);
  switch (problem) {
    case null:
      return null;
    case "missing":
      return t.missing;
    case "tooShort":
      return t.tooShort(EXPORT_REASON_MIN - length);
    case "tooLong":
      return t.tooLong(length - EXPORT_REASON_MAX);
    case "forbiddenCharacter":
      return t.forbiddenCharacter;
    case "keyMaterial":
      return t.keyMaterial;
  }
}

/**
 * Why the export is made, for the history. Its text lives only in the open confirmation: nothing
 * keeps it once the dialog closes.
 */
export function ReasonField({ mode, value, onChange, disabled, serverRefusal }: Props) {
  const t = useWords(reasonWords);
  if (mode === "hidden") return null;
  const problem = problemText(value, mode, t);
  const refused =
    serverRefusal === "required" ? t.serverRequired : serverRefusal ? t.serverInvalid : null;
  // An empty field is not yet an error: its description says what is missing.
  const error = refused ?? (value === "" ? null : problem);
  return (
    <TextInput
      label={mode === "required" ? t.label : t.labelOptional}
      description={error === null && problem ? `${t.hint} ${problem}` : t.hint}
      error={error}
      classNames={{ error: classes.error, input: classes.input }}
      value={value}
      disabled={disabled}
      autoComplete="off"
      spellCheck={false}
      required={mode === "required"}
      withAsterisk={false}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
