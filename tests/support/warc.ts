// Writes a web archive (WARC/1.1, gzipped records) of HTML pages, as archiving tools save them.
import { writeFileSync } from 'node:fs';
import { WARCRecord, WARCSerializer } from 'warcio';

export async function writeWarc(path: string, pages: readonly { url: string; html: string }[]): Promise<void> {
  const warcVersion = 'WARC/1.1';
  const parts: Uint8Array[] = [
    await WARCSerializer.serialize(
      await WARCRecord.createWARCInfo({ filename: 'pages.warc.gz', warcVersion }, { software: 'repost-radar tests' }),
      {
        gzip: true,
      },
    ),
  ];
  for (const { url, html } of pages) {
    const body = new TextEncoder().encode(html);
    async function* content(): AsyncGenerator<Uint8Array> {
      yield body;
    }
    const record = await WARCRecord.create(
      {
        url,
        date: '2022-01-08T00:00:00Z',
        type: 'response',
        warcVersion,
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.length) },
      },
      content(),
    );
    parts.push(await WARCSerializer.serialize(record, { gzip: true }));
  }
  writeFileSync(path, Buffer.concat(parts));
}
