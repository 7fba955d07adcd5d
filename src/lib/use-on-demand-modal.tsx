import { notifications } from "@mantine/notifications";
import { type ComponentType, useCallback, useState } from "react";
import { errorWords } from "./words/en.ts";

/**
 * A dialog whose code loads when its button is hovered, focused or clicked, so the first load does
 * not carry it. Modal is set only while open: closing unmounts it, and its state (a key) with it.
 */
export function useOnDemandModal<P>(load: () => Promise<ComponentType<P>>) {
  const [Modal, setModal] = useState<ComponentType<P> | null>(null);
  const warm = useCallback(() => {
    load().catch(() => undefined);
  }, [load]);
  const open = useCallback(() => {
    load()
      .then((loaded) => setModal(() => loaded))
      .catch(() => {
        const t = errorWords.get();
        notifications.show({
          color: "red",
          title: t.dialogLoadFailedTitle,
          message: t.dialogLoadFailedText,
        });
      });
  }, [load]);
  const close = useCallback(() => setModal(null), []);
  return { Modal, warm, open, close };
}
