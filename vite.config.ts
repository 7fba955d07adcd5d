import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", sourcemap: false, chunkSizeWarningLimit: 600 },
  worker: { format: "es" },
  server: {
    // `npm run dev` talks to a console server started separately (npm run serve).
    proxy: { "/v3": "http://127.0.0.1:8080" },
  },
});
