import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Everything is bundled locally: the app loads no remote content (see the CSP in tauri.conf.json).
export default defineConfig({
  plugins: [react()],
  base: './',
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: { globals: true, environment: 'node', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
