// Builds the single-page app into dist/ (served by the C++ server with --web-root)
// and configures Vitest. JSX goes through Preact's automatic runtime, set in
// tsconfig.json, so no Vite plugin is needed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // CSP forbids inline scripts and styles: keep every asset a separate file.
    assetsInlineLimit: 0,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
