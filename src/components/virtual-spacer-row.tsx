/**
 * The height a virtualized table leaves out above or below the rows it draws, so its scrollbar
 * stays the whole list's. Nothing when there is no such height.
 */
export function VirtualSpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, never focusable
    <tr aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
