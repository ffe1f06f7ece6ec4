// Reading a response body with a size limit, for everything that downloads what others
// serve: pages and feeds for a corpus (cli/ingest) and corpus lists (src/lists).

export type CappedBody =
  | { readonly kind: 'ok'; readonly bytes: Uint8Array }
  /** Past the limit: reading stopped there, and the rest was never held. */
  | { readonly kind: 'too-large' }
  /** The connection failed after `received` bytes (a reset, a timeout's abort). */
  | { readonly kind: 'cut-off'; readonly received: number; readonly error: unknown };

/** The body of `response`, read chunk by chunk up to `limit` bytes. */
export async function readCappedBody(response: Response, limit: number): Promise<CappedBody> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    if (response.body === null) {
      chunks.push(new Uint8Array(await response.arrayBuffer()));
      received = chunks[0]!.length;
    } else {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.length;
        if (received > limit) {
          await reader.cancel().catch(() => undefined);
          return { kind: 'too-large' };
        }
        chunks.push(value);
      }
    }
  } catch (error) {
    return { kind: 'cut-off', received, error };
  }
  if (received > limit) return { kind: 'too-large' };
  return { kind: 'ok', bytes: concat(chunks, received) };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
