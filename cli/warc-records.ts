import type { WARCRecord } from 'warcio';

/**
 * Whether a WARC record is a page to check: an HTML `response` (status 200) or `resource`.
 * The one test for `check` and the queue's jobs, so both number and pick the same records.
 */
export function isPageRecord(record: WARCRecord): boolean {
  if (record.warcType !== 'response' && record.warcType !== 'resource') return false;
  const type = record.httpHeaders?.headers.get('content-type') ?? record.warcHeaders.headers.get('content-type') ?? '';
  if (!/html/i.test(type)) return false;
  return !record.httpHeaders || record.httpHeaders.statusCode === 200;
}

/**
 * An archive's records, numbered as `check` numbers them (the first is `from`), up to
 * but not including record `to`: the record after a range is never parsed, so a damaged
 * one there does not fail the range. A record that cannot be parsed throws `unreadable(error)`.
 */
export async function* numberedRecords(
  records: AsyncIterator<WARCRecord | void>,
  from: number,
  to: number,
  unreadable: (error: unknown) => Error,
): AsyncGenerator<{ n: number; record: WARCRecord }> {
  for (let n = from; n < to; n++) {
    let next: IteratorResult<WARCRecord | void>;
    try {
      next = await records.next();
    } catch (error) {
      throw unreadable(error);
    }
    if (next.done || !next.value) return;
    yield { n, record: next.value };
  }
}
