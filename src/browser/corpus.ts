import { browser } from 'wxt/browser';
import type { CorpusIndex } from '../corpus/corpus-index';
import { deserializeIndex } from '../corpus/index-file';

let loading: Promise<CorpusIndex> | null = null;

/** The bundled corpus index, loaded once per background lifetime. */
export function bundledIndex(): Promise<CorpusIndex> {
  // public/corpus.rrx: WXT copies public/ to the extension's root and types its paths.
  loading ??= fetch(browser.runtime.getURL('/corpus.rrx'))
    .then((response) => response.arrayBuffer())
    .then((buffer) => deserializeIndex(new Uint8Array(buffer)))
    .catch((error: unknown) => {
      loading = null; // try again on the next page rather than failing for ever
      throw error;
    });
  return loading;
}
