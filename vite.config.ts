import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build is served from minsheng://desk/ in Electron and from 127.0.0.1 in the shell.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // Inline <script> would need 'unsafe-inline' in the CSP.
    modulePreload: { polyfill: false },
  },
});
