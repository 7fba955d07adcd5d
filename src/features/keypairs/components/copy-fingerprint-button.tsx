import classes from "./keypair-row.module.css";

const SHOW_COPIED_MS = 1000;

/**
 * CopyButton's behaviour (copy, then a check mark for a second) on a plain button. The mark is
 * an attribute on the button rather than React state: a Mantine ActionIcon and a clipboard hook
 * per row, each with an effect to clean up, cost a share of every search keystroke.
 */
export function CopyFingerprintButton({ value, label }: { value: string; label: string }) {
  return (
    <button
      type="button"
      className={`mantine-focus-auto mantine-active ${classes.copy}`}
      aria-label={label}
      onClick={(event) => {
        const button = event.currentTarget;
        navigator.clipboard.writeText(value).then(
          () => {
            button.dataset.copied = "";
            setTimeout(() => delete button.dataset.copied, SHOW_COPIED_MS);
          },
          // Refused (no clipboard permission): the icon stays as it was, as with CopyButton.
          () => {},
        );
      }}
    />
  );
}
