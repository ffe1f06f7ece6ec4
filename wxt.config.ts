import { defineConfig } from 'wxt';

// Permissions are the least that does the job: `storage` keeps each tab's report in
// session storage (it survives the MV3 service worker being stopped); `alarms` wakes the
// background once a day to update the corpus lists the user subscribed to. The content
// script reads pages. Network access is optional and per site: adding a corpus list asks
// for its host only, at that moment (http/https are the optional patterns it may ask
// from). Without a subscription the extension makes no request, and sends nothing anywhere.
// The corpus index ships as a file of its own (public/corpus.rrx, fetched by the
// background), not inlined into a script: it loads as typed-array views.
/** The sites a corpus list may be on: asked for one host at a time, when the user adds a list. */
const LIST_HOSTS = ['https://*/*', 'http://*/*'] as const;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // `npm run zip`: the Chrome and Firefox packages, and for AMO's reviewers the sources the
  // build reads (docs/store/BUILDING.md says how to rebuild): no tests, fixtures or outputs.
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'docs/store/BUILDING.md',
      'entrypoints/**',
      'src/**',
      'assets/**',
      // public/corpus.rrx is built from corpus/originals.jsonl by the command line.
      'public/**',
      'corpus/**',
      // npm ci's postinstall and `npm run build` compile the command line too.
      'cli/**',
      'bin/**',
      'scripts/build-cli.mjs',
      'scripts/cli-stubs/**',
    ],
  },
  manifest: ({ browser }) => ({
    // In the reader's language, from public/_locales (the store takes 132 characters at most:
    // tests/unit/i18n.test.ts checks every catalog).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    // MV3 (Chrome) asks for hosts under `optional_host_permissions`; MV2 (Firefox) lists
    // them under `optional_permissions`.
    ...(browser === 'firefox'
      ? { optional_permissions: [...LIST_HOSTS] }
      : { optional_host_permissions: [...LIST_HOSTS] }),
    action: { default_title: '__MSG_extName__' },
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
