import { useClipboard } from "@mantine/hooks";
import { CheckIcon, CopyIcon } from "../../../components/icons.tsx";
import classes from "./keypair-row.module.css";

/**
 * CopyButton's behaviour (copy, then a check mark for a second) on a plain button: a Mantine
 * ActionIcon per row cost a share of every search keystroke.
 */
export function CopyFingerprintButton({ value, label }: { value: string; label: string }) {
  const clipboard = useClipboard({ timeout: 1000 });
  return (
    <button
      type="button"
      className={`mantine-focus-auto mantine-active ${classes.copy}`}
      data-copied={clipboard.copied || undefined}
      aria-label={label}
      onClick={() => clipboard.copy(value)}
    >
      {clipboard.copied ? <CheckIcon /> : <CopyIcon />}
    </button>
  );
}
