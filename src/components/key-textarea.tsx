import { Textarea, type TextareaProps } from "@mantine/core";

/**
 * Where a key is pasted: monospace, and nothing the browser or a phone keyboard would "correct"
 * (spelling, capitals, autofill), since one changed character makes a key unreadable.
 */
export function KeyTextarea(props: TextareaProps & { onChange: TextareaProps["onChange"] }) {
  return (
    <Textarea
      spellCheck={false}
      autoComplete="off"
      autoCorrect="off"
      autoCapitalize="off"
      styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      {...props}
    />
  );
}
