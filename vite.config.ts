import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentPlugin } from './src/build/vite-plugin-content';

export default defineConfig({
  plugins: [react(), contentPlugin({ contentDir: 'content' })],
  build: { sourcemap: false, target: 'es2022' },
});
