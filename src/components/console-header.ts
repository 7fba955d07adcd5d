/**
 * The height of the console's header in px: the shell draws it above every page, and a list
 * filling the page sizes its first frame from the window below it.
 */
export const CONSOLE_HEADER_HEIGHT = 60;
