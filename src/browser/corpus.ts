import { browser } from 'wxt/browser';
import type { CorpusIndex } from '../corpus/corpus-index';
import { deserializeIndex } from '../corpus/index-file';

let loading: Promise<CorpusIndex> | null = null;

/** The bundled corpus index, loaded once per background lifetime (a few milliseconds). */
export function bundledIndex(): Promise<CorpusIndex> {
  // Copied to the extension's root by the build (wxt.config.ts).
  loading ??= fetch(browser.runtime.getURL('/corpus.rrx' as '/'))
    .then((response) => response.arrayBuffer())
    .then((buffer) => deserializeIndex(new Uint8Array(buffer)))
    .catch((error: unknown) => {
      loading = null; // try again on the next page rather than failing for ever
      throw error;
    });
  return loading;
}
