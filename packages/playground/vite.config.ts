import { defineConfig } from 'vite';

// The library packages are bundled from their sources (the `@etagrad/source` condition), as the
// tests run them, so the page needs no build of the packages first.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  resolve: { conditions: ['@etagrad/source'] },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
});
