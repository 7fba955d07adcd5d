import { Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { KeypairDetail } from "../../contract/kps.ts";
import { CreateKeypairAction } from "../features/create-keypair/components/create-keypair-action.tsx";
import { DeleteAction } from "../features/delete-keypairs/components/delete-action.tsx";
import { ExportAction } from "../features/export/components/export-action.tsx";
import { ExportOneAction } from "../features/export/components/export-one-action.tsx";
import { ImportActions } from "../features/import-keypairs/components/import-actions.tsx";
import { KeypairBrowser } from "../features/keypairs/components/keypair-browser.tsx";
import { KeypairDetailDrawer } from "../features/keypairs/components/keypair-detail-drawer.tsx";
import { exportBlocker } from "../features/keypairs/selection.ts";
import { useAllKeypairs } from "../features/keypairs/use-all-keypairs.ts";
import { ClearPrivateKeyAction } from "../features/private-key/components/clear-private-key-action.tsx";
import { HostPrivateKeyAction } from "../features/private-key/components/host-private-key-action.tsx";
import { useWords } from "../lib/i18n/i18n.ts";
import { sessionMay } from "../lib/permissions.ts";
import { keypairKeys } from "../lib/query-keys.ts";
import { getSession, type Session } from "../lib/session.ts";
import { useKeypairsAddress } from "./use-keypairs-address.ts";
import { pageWords } from "./words/en.ts";

/**
 * Another project's key pairs cannot be exported here. The page is keyed by project, so a switch
 * unmounts it with its selection; on the way out it tells the user what went.
 */
function useSelectionEndsWithProject(session: Session, selected: string[]) {
  const count = useRef(selected.length);
  count.current = selected.length;
  useEffect(
    () => () => {
      const now = getSession();
      if (!now || now.project.id === session.project.id || count.current === 0) return;
      const t = pageWords.get();
      notifications.show({
        title: t.selectionClearedTitle,
        // params(count(…)): the parameters first, then the number; the other order reads "[object Object]".
        message: t.selectionStays({ from: session.project.name, to: now.project.name })(
          count.current,
        ),
      });
    },
    [session.project],
  );
}

/** The selection feeds export and delete: a user who may do neither is told so on every row. */
function selectionBlocker(session: Session, t: ReturnType<typeof pageWords.get>): string | null {
  if (sessionMay(session, "kps:SSHKeyPair:exportPrivateKey")) return null;
  if (sessionMay(session, "kps:SSHKeyPair:delete")) return null;
  return t.selectionBlocked;
}

/** Where the key-pair list and the export meet; neither feature knows the other. */
export function KeypairsPage({ session }: { session: Session }) {
  const t = useWords(pageWords);
  const projectId = session.project.id;
  const list = useAllKeypairs(projectId);
  const [selected, setSelected] = useState<string[]>([]);
  useSelectionEndsWithProject(session, selected);
  const queryClient = useQueryClient();
  const { openName, openDetail, closeDetail, filters, setFilters } = useKeypairsAddress();

  const byName = useMemo(
    () => new Map(list.rows.map((keypair) => [keypair.name, keypair])),
    [list.rows],
  );
  const selectedRows = useMemo(
    () => selected.flatMap((name) => byName.get(name) ?? []),
    [byName, selected],
  );
  // Once the whole list is in, a selected key pair that was deleted, cleared or frozen since
  // leaves the selection, so the next export does not fail on it again.
  useEffect(() => {
    if (!list.complete) return;
    setSelected((current) => {
      const kept = current.filter((name) => {
        const keypair = byName.get(name);
        return keypair !== undefined && exportBlocker(keypair) === null;
      });
      return kept.length === current.length ? current : kept;
    });
  }, [byName, list.complete]);

  const onListStale = useCallback(
    () => queryClient.invalidateQueries({ queryKey: keypairKeys.all(projectId) }),
    [queryClient, projectId],
  );

  const onSelectedChange = useCallback(
    (update: (current: string[]) => string[]) => setSelected(update),
    [],
  );

  // Each feature adds what it offers for the open key pair; deleting it closes the drawer.
  const drawerActions = useCallback(
    (keypair: KeypairDetail) => (
      <>
        <HostPrivateKeyAction session={session} keypair={keypair} />
        <ClearPrivateKeyAction session={session} keypair={keypair} />
        <ExportOneAction session={session} keypair={keypair} onListStale={onListStale} />
        <DeleteAction
          session={session}
          names={[keypair.name]}
          label={t.delete}
          onDeleted={(gone) => {
            setSelected((current) => current.filter((n) => !gone.includes(n)));
            if (openName && gone.includes(openName)) closeDetail();
          }}
        />
      </>
    ),
    [session, openName, closeDetail, onListStale, t.delete],
  );

  // Kept across a tick of a checkbox, which re-renders this page but changes nothing here.
  const toolbar = useMemo(
    () => (
      <>
        <CreateKeypairAction session={session} takenNames={byName} />
        <ImportActions session={session} existing={byName} />
      </>
    ),
    [session, byName],
  );

  return (
    <>
      <Title order={2} size="h3" mb="sm">
        {t.title({ project: session.project.name })}
      </Title>
      <KeypairBrowser
        onOpen={openDetail}
        filters={filters}
        onFiltersChange={setFilters}
        list={list}
        selected={selected}
        onSelectedChange={onSelectedChange}
        selectionBlocker={selectionBlocker(session, t)}
        toolbar={toolbar}
        actions={
          <>
            <ExportAction session={session} keypairs={selectedRows} onListStale={onListStale} />
            <DeleteAction
              session={session}
              names={selected}
              label={t.deleteSelected}
              onDeleted={(gone) =>
                setSelected((current) => current.filter((n) => !gone.includes(n)))
              }
            />
          </>
        }
      />
      <KeypairDetailDrawer
        projectId={projectId}
        name={openName}
        summary={openName ? byName.get(openName) : undefined}
        onClose={closeDetail}
        actions={drawerActions}
      />
    </>
  );
}
