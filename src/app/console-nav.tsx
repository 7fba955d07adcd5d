import { Anchor, Group } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useWords } from "../lib/i18n/i18n.ts";
import { sessionMay } from "../lib/permissions.ts";
import { useSignedInSession } from "../lib/session.ts";
import { navWords } from "./words/nav-en.ts";

/** The console's pages; a user who may read only key pairs has one page and sees no links. */
export function ConsoleNav() {
  const t = useWords(navWords);
  const session = useSignedInSession();
  if (!sessionMay(session, "cts:trace:list")) return null;
  const active = { fw: 700, c: "var(--mantine-color-text)" } as const;
  return (
    <Group component="nav" aria-label={t.label} gap="md" mb="xs" wrap="nowrap">
      {(
        [
          ["/keypairs", t.keypairs],
          ["/history", t.history],
        ] as const
      ).map(([to, label]) => (
        <Anchor key={to} component={Link} to={to} size="sm" activeProps={active}>
          {label}
        </Anchor>
      ))}
    </Group>
  );
}
