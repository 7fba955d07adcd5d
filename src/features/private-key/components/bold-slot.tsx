/**
 * Words with one `{slot}` that holds a name set in bold: the language decides where the name
 * goes, and the name is never parsed as words.
 */
export function BoldSlot({ text, slot, value }: { text: string; slot: string; value: string }) {
  const at = text.indexOf(`{${slot}}`);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <b style={{ overflowWrap: "anywhere" }}>{value}</b>
      {text.slice(at + slot.length + 2)}
    </>
  );
}
