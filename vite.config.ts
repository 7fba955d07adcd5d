import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything index.html needs in one chunk. Left alone, Rolldown splits the modules the
          // sign-in shares with the lazy console (React, Mantine's inputs) into chunks of their
          // own; the browser fetches them all before the first screen anyway, and each split
          // costs its own gzip dictionary and import glue: 3.4 KB gzip of the first load.
          groups: [{ name: "index", tags: ["$initial"] }],
        },
      },
    },
  },
  worker: { format: "es" },
  server: {
    // `npm run dev` talks to a console server started separately (npm run serve).
    proxy: { "/v3": "http://127.0.0.1:8080" },
  },
});
