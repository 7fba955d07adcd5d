import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useId, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { explainError } from "../../../lib/explain-error.ts";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { notPermittedReason, sessionMay } from "../../../lib/permissions.ts";
import { useSession } from "../../../lib/session.ts";
import {
  MAX_DESCRIPTION_LENGTH,
  useUpdateKeypairDescription,
} from "../api/update-keypair-description.ts";
import { detailWords } from "../words/en.ts";
import classes from "./description-field.module.css";

type Props = { projectId: string; name: string; description: string };

/** The description, and its editor for users whose policies allow kps:SSHKeyPair:update. */
export function DescriptionField({ projectId, name, description }: Props) {
  const t = useWords(detailWords);
  const session = useSession();
  const reasonId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const permitted = session !== null && sessionMay(session, "kps:SSHKeyPair:update");

  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {t.description}
        </Text>
        {draft === null && (
          <Group gap="xs">
            {!permitted && (
              <Text id={reasonId} size="xs" c="dimmed">
                {notPermittedReason("kps:SSHKeyPair:update")}
              </Text>
            )}
            <Button
              size="compact-sm"
              variant="light"
              disabled={!permitted}
              aria-describedby={permitted ? undefined : reasonId}
              onClick={() => setDraft(description)}
            >
              {t.editDescription}
            </Button>
          </Group>
        )}
      </Group>
      {draft === null ? (
        <Text size="sm" style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
          {description || t.noDescription}
        </Text>
      ) : (
        <DescriptionEditor
          projectId={projectId}
          name={name}
          draft={draft}
          onDraftChange={setDraft}
          onDone={() => setDraft(null)}
        />
      )}
    </Stack>
  );
}

function DescriptionEditor({
  projectId,
  name,
  draft,
  onDraftChange,
  onDone,
}: {
  projectId: string;
  name: string;
  draft: string;
  onDraftChange: (draft: string) => void;
  onDone: () => void;
}) {
  const t = useWords(detailWords);
  const format = useFormat();
  const mutation = useUpdateKeypairDescription(projectId, name);
  const max = format.number(MAX_DESCRIPTION_LENGTH);
  const over = draft.length - MAX_DESCRIPTION_LENGTH;

  function save() {
    if (over > 0) return;
    mutation.mutate(draft, {
      onSuccess: () => {
        notifications.show({
          color: "green",
          title: t.savedTitle,
          message: name,
        });
        onDone();
      },
    });
  }

  return (
    <Stack gap="xs">
      <Textarea
        label={t.newDescription}
        value={draft}
        onChange={(event) => onDraftChange(event.currentTarget.value)}
        rows={3}
        data-autofocus
        // Mantine ties the counter and the error to the field's aria-describedby.
        inputWrapperOrder={["label", "input", "description"]}
        // Our own refusal rather than Mantine's error, whose red falls short of AA contrast.
        description={
          <>
            <span>{t.descriptionLength({ length: format.number(draft.length), max })}</span>
            {over > 0 && (
              <>
                {" "}
                <strong className={classes.over}>
                  {t.descriptionTooLong({ max, over: format.number(over) })}
                </strong>
              </>
            )}
          </>
        }
        // Announced politely so a screen reader hears the count without losing its place.
        descriptionProps={{ "aria-live": "polite" }}
        aria-invalid={over > 0}
      />
      {mutation.isError && (
        <ErrorAlert
          explanation={explainError(mutation.error, {
            what: t.saveWhat,
            explain: (error) =>
              error.code === "KPS.4016" || error.code === "KPS.6004" || error.status === 404
                ? {
                    reason: "description.gone",
                    title: t.goneTitle,
                    text: t.goneText({ name }),
                    action: t.goneAction,
                  }
                : error.code === "KPS.0002"
                  ? {
                      reason: "description.refused",
                      title: t.refusedTitle,
                      text: t.refusedText,
                      action: t.refusedAction({ max }),
                    }
                  : null,
          })}
        />
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onDone} disabled={mutation.isPending}>
          {t.cancel}
        </Button>
        <Button size="xs" onClick={save} disabled={over > 0} loading={mutation.isPending}>
          {t.saveDescription}
        </Button>
      </Group>
    </Stack>
  );
}
