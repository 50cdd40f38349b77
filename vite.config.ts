import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer only. Main, preload and the browser host are bundled by esbuild (see package.json).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true, sourcemap: true },
});
