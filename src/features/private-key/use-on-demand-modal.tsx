import { notifications } from "@mantine/notifications";
import { type ComponentType, useCallback, useState } from "react";
import type { KeypairDetail } from "../../../contract/kps.ts";

export type KeypairModalProps = { projectId: string; keypair: KeypairDetail; onClose: () => void };
export type KeypairModalLoader = () => Promise<ComponentType<KeypairModalProps>>;

/**
 * A dialog whose code loads when its button is hovered, focused or clicked, so the first load does
 * not carry it. Modal is set only while open: closing unmounts it, and its state (a key) with it.
 */
export function useOnDemandModal(load: KeypairModalLoader) {
  const [Modal, setModal] = useState<ComponentType<KeypairModalProps> | null>(null);
  const warm = useCallback(() => {
    load().catch(() => undefined);
  }, [load]);
  const open = useCallback(() => {
    load()
      .then((loaded) => setModal(() => loaded))
      .catch(() =>
        notifications.show({
          color: "red",
          title: "The dialog could not be loaded",
          message: "Check the connection, then reload the page and try again.",
        }),
      );
  }, [load]);
  const close = useCallback(() => setModal(null), []);
  return { Modal, warm, open, close };
}
