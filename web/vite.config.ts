// Vite builds the UI into hashed files under assets/ that the quorum binary embeds. JSX is
// compiled for Preact by esbuild directly (no framework plugin needed).
import { defineConfig } from "vite";

export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    target: "es2022",
    // No inline module-preload polyfill: the Content-Security-Policy forbids inline script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
  },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
