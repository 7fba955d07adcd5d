import { Alert, Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useCallback, useEffect } from "react";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { explainError } from "../../../lib/explain-error.ts";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { csvFileName } from "../history-csv.ts";
import type { TraceQuery } from "../history-filters.ts";
import { MAX_CSV_ROWS, useCsvDownload } from "../use-csv-download.ts";
import { csvWords } from "../words/en.ts";

type Props = { projectId: string; projectName: string; query: TraceQuery | null };

/** Downloads what the filters show, every page of it, with a count while it fetches. */
export function CsvDownload({ projectId, projectName, query }: Props) {
  const t = useWords(csvWords);
  const format = useFormat();
  const fileName = useCallback(() => csvFileName(projectName, new Date()), [projectName]);
  const { state, start, cancel } = useCsvDownload(projectId, fileName);

  useEffect(() => {
    if (state.step !== "saved") return;
    notifications.show({
      color: "green",
      title: csvWords.get().savedTitle,
      message: csvWords.get().saved(state.rows),
    });
  }, [state]);

  return (
    <>
      <Group gap="xs" wrap="nowrap">
        {state.step === "fetching" ? (
          <>
            <Text size="sm" role="status">
              {t.downloading(state.rows).replace(String(state.rows), format.number(state.rows))}
            </Text>
            <Button variant="default" onClick={cancel}>
              {t.cancel}
            </Button>
          </>
        ) : (
          <Button
            variant="default"
            disabled={query === null}
            onClick={() => query && void start(query)}
          >
            {t.download}
          </Button>
        )}
      </Group>
      {state.step === "tooMany" && (
        <Alert color="orange" role="alert" w="100%">
          {t.tooMany({ max: format.number(MAX_CSV_ROWS) })}
        </Alert>
      )}
      {state.step === "nothing" && (
        <Alert color="gray" role="status" w="100%">
          {t.nothing}
        </Alert>
      )}
      {state.step === "failed" && (
        <ErrorAlert
          explanation={explainError(state.error, { what: t.failedWhat })}
          onRetry={query ? () => void start(query) : undefined}
        />
      )}
    </>
  );
}
