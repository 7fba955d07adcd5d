import { ActionIcon, useComputedColorScheme, useMantineColorScheme } from "@mantine/core";
import { MoonIcon, SunIcon } from "../components/icons.tsx";
import { useWords } from "../lib/i18n/i18n.ts";
import { shellWords } from "./words/en.ts";

export function ColourSchemeToggle() {
  const t = useWords(shellWords);
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme("light", { getInitialValueInEffect: true });
  const next = computed === "dark" ? "light" : "dark";
  return (
    <ActionIcon
      variant="default"
      size="lg"
      onClick={() => setColorScheme(next)}
      aria-label={next === "dark" ? t.toDark : t.toLight}
    >
      {computed === "dark" ? <SunIcon /> : <MoonIcon />}
    </ActionIcon>
  );
}
