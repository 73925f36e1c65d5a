// The install manifest (vite-plugin-pwa writes it as manifest.webmanifest). Kept beside the other
// build-time code so vite.config.ts stays a short list of plugins.
import type { ManifestOptions } from 'vite-plugin-pwa';

export const webManifest: Partial<ManifestOptions> = {
  name: 'Pocket CPD: SEND and inclusion training',
  short_name: 'Pocket CPD',
  description:
    'Short, practical SEND and inclusion training for staff in nurseries, schools and colleges. Works offline.',
  id: '/',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#1d4e5f',
  background_color: '#ffffff',
  lang: 'en-GB',
  categories: ['education'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  shortcuts: [
    {
      name: 'Continue learning',
      short_name: 'Continue',
      description: 'Open the lesson you were reading',
      // Opens the lesson in progress at its saved section (src/features/today/continue-route.tsx).
      url: '/continue',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
    },
  ],
};
