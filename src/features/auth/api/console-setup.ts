// The sign-in form's way to the setup, loaded on demand so the request code (with zod) stays
// out of the first load.
export { fetchConsoleSetup } from "../../../lib/console-setup.ts";
