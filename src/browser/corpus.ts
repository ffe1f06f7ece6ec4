import { browser } from 'wxt/browser';
import type { CorpusIndex } from '../corpus/corpus-index';
import { deflatedHeader, deserializeIndex } from '../corpus/index-file';

/**
 * Loads index bytes, inflating the header with the browser's native DecompressionStream
 * first: on a freshly started service worker that is several times faster than fflate.
 * Anything the native path cannot read goes to the plain loader, which says what is wrong.
 */
export async function loadIndex(bytes: Uint8Array): Promise<CorpusIndex> {
  let text: string | undefined;
  try {
    // A copy (slice): a Blob takes only bytes on a plain ArrayBuffer.
    const stream = new Blob([deflatedHeader(bytes).slice()])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'));
    text = await new Response(stream).text();
  } catch {
    text = undefined;
  }
  return deserializeIndex(bytes, text === undefined ? {} : { inflateHeader: () => text });
}

let loading: Promise<CorpusIndex> | null = null;

/** The bundled corpus index, loaded once per background lifetime. */
export function bundledIndex(): Promise<CorpusIndex> {
  // public/corpus.rrx: WXT copies public/ to the extension's root and types its paths.
  loading ??= fetch(browser.runtime.getURL('/corpus.rrx'))
    .then((response) => response.arrayBuffer())
    .then((buffer) => loadIndex(new Uint8Array(buffer)))
    .catch((error: unknown) => {
      loading = null; // try again on the next page rather than failing for ever
      throw error;
    });
  return loading;
}
