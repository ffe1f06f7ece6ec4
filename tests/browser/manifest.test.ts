import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertBuilt, extensionDir } from '../support/pages';

describe('the built extensions', () => {
  it('ask for the least: storage, alarms, and content scripts on web pages; hosts only as optional permissions', () => {
    // A site is asked for when the user adds a corpus list there, that site only (the
    // options page requests `<scheme>://<host>/*`): http(s) is what it may ask from.
    const optionalHosts = ['https://*/*', 'http://*/*'];
    for (const target of ['chrome-mv3', 'firefox-mv2'] as const) {
      assertBuilt(target);
      const manifest = JSON.parse(readFileSync(`${extensionDir(target)}manifest.json`, 'utf8')) as Record<
        string,
        unknown
      >;
      expect(manifest['permissions']).toEqual(['storage', 'alarms']);
      expect(manifest['host_permissions']).toBeUndefined();
      if (target === 'chrome-mv3') {
        expect(manifest['optional_host_permissions']).toEqual(optionalHosts);
        expect(manifest['optional_permissions']).toBeUndefined();
      } else {
        // Manifest V2 has no optional_host_permissions: hosts go in optional_permissions.
        expect(manifest['optional_permissions']).toEqual(optionalHosts);
        expect(manifest['optional_host_permissions']).toBeUndefined();
      }
      expect(manifest['web_accessible_resources']).toBeUndefined();
    }
  });

  it('the Firefox build passes `web-ext lint` with no errors', () => {
    assertBuilt('firefox-mv2');
    const bin = new URL('../../node_modules/web-ext/bin/web-ext.js', import.meta.url).pathname;
    const result = spawnSync(
      process.execPath,
      [bin, 'lint', '--source-dir', extensionDir('firefox-mv2'), '--output', 'json'],
      {
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(result.stdout) as { summary: { errors: number }; errors: { code: string }[] };
    expect(report.errors.map((e) => e.code)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
