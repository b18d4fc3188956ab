import { defineConfig } from 'vite';

// The `flowfate` CLI: the same pure core as the app, bundled for Node into dist-cli/.
export default defineConfig({
  // The CLI needs none of the app's static files (public/).
  publicDir: false,
  build: {
    ssr: 'src/cli/flowfate.ts',
    outDir: 'dist-cli',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'flowfate.js' } },
  },
});
