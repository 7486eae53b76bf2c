import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => {
  // `npm run dev` forwards the server's paths to the local cloud so the app stays same-origin.
  const localCloud = loadEnv(mode, '.', '').LOCAL_CLOUD_URL ?? 'http://127.0.0.1:5080';
  return {
    server: {
      proxy: {
        '/config.json': localCloud,
        '/api': localCloud,
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
    },
    test: {
      environment: 'node',
      include: ['tests/**/*.test.ts'],
    },
  };
});
