import { defineConfig } from 'wxt';

// Permissions are the least that does the job: `storage` keeps each tab's report in
// session storage (it survives the MV3 service worker being stopped). The content
// script reads pages; nothing asks for network access, and nothing is sent anywhere.
// The corpus index ships as a file of its own (public/corpus.rrx, fetched by the
// background), not inlined into a script: it loads as typed-array views.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Repost Radar',
    description:
      'Flags low-quality reposts of news and opinion articles — machine translated, padded, cut — with evidence. Runs entirely on your machine.',
    permissions: ['storage'],
    action: { default_title: 'Repost Radar' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'repost-radar@repost-radar.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
