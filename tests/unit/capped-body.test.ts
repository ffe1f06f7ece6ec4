// Reading a response body with a size limit (src/net/capped-body.ts): real responses from a
// server on 127.0.0.1 serving a fixture page, and streams that end, overflow or break.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCappedBody } from '../../src/net/capped-body';

const PAGE = readFileSync(new URL('../fixtures/pages/seed-002.html', import.meta.url));
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/page') {
      // Sent in small pieces, as a slow server does.
      response.writeHead(200, { 'content-type': 'text/html' });
      for (let at = 0; at < PAGE.length; at += 1000) response.write(PAGE.subarray(at, at + 1000));
      response.end();
    } else if (request.url === '/broken') {
      // Promises the whole page, sends half, and drops the connection.
      response.writeHead(200, { 'content-length': String(PAGE.length) });
      response.write(PAGE.subarray(0, 2000), () => response.destroy());
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A response whose body is these chunks, then an error if given; counts the chunks read. */
function streamed(chunks: Uint8Array[], failure?: Error): { response: Response; pulled: () => number } {
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else if (failure) controller.error(failure);
      else controller.close();
    },
  });
  return { response: new Response(stream), pulled: () => next };
}
const bytes = (n: number, fill: number): Uint8Array => new Uint8Array(n).fill(fill);

describe('readCappedBody', () => {
  it('reads a whole page served in pieces', async () => {
    const body = await readCappedBody(await fetch(`${base}/page`), PAGE.length);
    expect(body.kind).toBe('ok');
    if (body.kind === 'ok') expect(Buffer.from(body.bytes).equals(PAGE)).toBe(true);
  });

  it('refuses a page one byte over the limit', async () => {
    expect(await readCappedBody(await fetch(`${base}/page`), PAGE.length - 1)).toEqual({ kind: 'too-large' });
  });

  it('says how much arrived before the connection broke', async () => {
    const body = await readCappedBody(await fetch(`${base}/broken`), 1 << 20);
    expect(body.kind).toBe('cut-off');
    if (body.kind === 'cut-off') {
      expect(body.received).toBe(2000);
      expect(body.error).toBeInstanceOf(Error);
    }
  });

  it('joins chunks in order', async () => {
    const { response } = streamed([bytes(3, 1), bytes(2, 2), bytes(4, 3)]);
    const body = await readCappedBody(response, 9);
    expect(body).toEqual({ kind: 'ok', bytes: Uint8Array.from([1, 1, 1, 2, 2, 3, 3, 3, 3]) });
  });

  it('stops reading at the limit and cancels the rest', async () => {
    const chunks = Array.from({ length: 100 }, () => bytes(1000, 7));
    const { response, pulled } = streamed(chunks);
    expect(await readCappedBody(response, 2500)).toEqual({ kind: 'too-large' });
    expect(pulled()).toBeLessThan(6);
  });

  it('keeps the error of a stream that fails', async () => {
    const failure = new Error('connection reset');
    const { response } = streamed([bytes(10, 1), bytes(5, 2)], failure);
    expect(await readCappedBody(response, 100)).toEqual({ kind: 'cut-off', received: 15, error: failure });
  });

  it('reads a response without a body stream as empty', async () => {
    expect(await readCappedBody(new Response(null), 0)).toEqual({ kind: 'ok', bytes: new Uint8Array(0) });
  });
});
