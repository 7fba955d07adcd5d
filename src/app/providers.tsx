import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import {
  type CSSVariablesResolver,
  createTheme,
  MantineProvider,
  type MantineThemeComponent,
} from "@mantine/core";
import type { ReactNode } from "react";

// Shade 8 and a darker "dimmed" keep text at WCAG AA contrast (Mantine's defaults fall short).
const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "sm",
  components: {
    // Every toast gets a named close button, and its message the body colour: Mantine's grey
    // under a title falls short of AA contrast. A plain object, not `Notification.extend`:
    // that would bring the Notification component itself into the first load.
    Notification: {
      defaultProps: { closeButtonProps: { "aria-label": "Dismiss notification" } },
      styles: { description: { color: "var(--mantine-color-text)" } },
    } satisfies MantineThemeComponent,
    // The console's window never scrolls (the list scrolls inside the page), so a dialog has no
    // page scroll to lock; locking it anyway measured the scrollbar and injected a style that
    // restyled the whole document on every open and close (4–7 ms as the export preview opens).
    Modal: { defaultProps: { lockScroll: false } } satisfies MantineThemeComponent,
    Drawer: { defaultProps: { lockScroll: false } } satisfies MantineThemeComponent,
  },
});

const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)" },
  dark: { "--mantine-color-dimmed": "var(--mantine-color-dark-1)" },
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={resolver}>
      {children}
    </MantineProvider>
  );
}
