// Publication dates as pages and corpora write them, read the same way by the corpus
// build (which copy of a text came first) and by a check (whether a page came after
// the original it seems to copy).

/**
 * Milliseconds since the epoch of a date as written ("2019-11-19", "2019-11-19T13:03:00+0000",
 * RSS's "Tue, 19 Nov 2019 13:03:00 GMT"), or null when there is none or it cannot be read.
 */
export function dateValue(published: string): number | null {
  if (published.trim() === '') return null;
  // "+0000" (no colon) is ISO 8601 but not what Date.parse reads.
  const time = Date.parse(published.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? null : time;
}
