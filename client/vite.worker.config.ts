import { defineConfig } from 'vite';

// The Web Push service worker, built on its own as one classic script (no imports, no hashed name) at the site's
// root: a worker's URL must stay the same and be same-origin, and a classic worker runs in every browser with push.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    lib: {
      entry: 'src/push/pushWorkerEntry.ts',
      formats: ['iife'],
      name: 'pushWorker',
      fileName: () => 'push-worker.js',
    },
  },
});
