import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The browser build of the renderer: the same UI as the Electron window, with the browser
 * implementation of the IPC contract (see src/renderer/platform). Used by the end-to-end tests
 * and by anyone who wants to try Hervat without Electron.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist-web'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'src/renderer/index.html'),
        // Benchmark fixture page: fills the database for `npm run bench` (not in the Electron build).
        bench: resolve(import.meta.dirname, 'src/renderer/bench.html'),
      },
    },
  },
  // HERVAT_WEB_PORT lets several checkouts run their e2e suites side by side.
  preview: {
    host: '127.0.0.1',
    port: Number(process.env.HERVAT_WEB_PORT ?? 4173),
    strictPort: true,
  },
})
