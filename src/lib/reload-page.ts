/** Its own module so tests can replace it: jsdom cannot navigate and prints a stack when asked. */
export function reloadPage(): void {
  window.location.reload();
}
