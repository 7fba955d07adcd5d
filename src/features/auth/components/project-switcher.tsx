import { ComboboxChevron, InputBase } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { revokeToken } from "../../../lib/end-session.ts";
import { explainError } from "../../../lib/explain-error.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { type Session, setSession } from "../../../lib/session.ts";
import { listProjects, rescope } from "../api/auth-api.ts";
import { sessionWords } from "../words/en.ts";

/** Re-scopes the token to another project the user may access (IAM's token method). */
export function ProjectSwitcher({ session }: { session: Session }) {
  const t = useWords(sessionWords);
  const projects = useQuery({
    queryKey: ["auth", session.user.id, "projects"],
    queryFn: ({ signal }) => listProjects(session.token, signal),
    staleTime: 5 * 60_000,
  });
  const switchProject = useMutation({
    mutationFn: (projectId: string) => rescope(session, projectId),
    onSuccess: (next) => {
      setSession(next);
      // The old token is no longer used; leaving it alive would only widen exposure.
      revokeToken(session.token).catch(() => undefined);
    },
  });
  const options = (projects.data ?? [{ id: session.project.id, name: session.project.name }]).map(
    (project) => ({ value: project.id, label: project.name }),
  );

  // A native select, as the language picker is: Mantine's Select mounted a popover whose
  // floating-ui placement forced a style pass and a blocking re-render in the console's first
  // commit after sign-in.
  return (
    <InputBase
      component="select"
      aria-label={t.project}
      value={session.project.id}
      disabled={switchProject.isPending}
      w={{ base: 116, sm: 180 }}
      pointer
      rightSection={<ComboboxChevron size="sm" />}
      rightSectionPointerEvents="none"
      onChange={(event) => {
        const projectId = event.currentTarget.value;
        if (!projectId || projectId === session.project.id) return;
        switchProject.mutate(projectId, {
          onError: (error) => {
            const { text, action } = explainError(error, { what: t.switchProjectWhat });
            notifications.show({
              color: "red",
              title: t.switchFailed,
              message: `${text} ${action}`,
            });
          },
        });
      }}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </InputBase>
  );
}
