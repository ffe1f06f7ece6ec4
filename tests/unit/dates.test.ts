// Publication dates as pages and corpora write them (src/text/dates.ts). The forms are
// those of the fixture pages' metadata, RSS feeds and the bundled corpus.
import { describe, expect, it } from 'vitest';
import { dateValue } from '../../src/text/dates';

describe('dateValue', () => {
  it('reads ISO 8601 dates, with and without a time', () => {
    expect(dateValue('2019-11-19')).toBe(Date.UTC(2019, 10, 19));
    expect(dateValue('2019-11-19T13:03:00.000Z')).toBe(Date.UTC(2019, 10, 19, 13, 3));
    expect(dateValue('2024-05-02T08:00:00+02:00')).toBe(Date.UTC(2024, 4, 2, 6, 0));
  });

  it('reads an offset written without a colon, as many pages write it', () => {
    expect(dateValue('2019-11-20T06:35:39+0000')).toBe(Date.UTC(2019, 10, 20, 6, 35, 39));
    expect(dateValue('2019-11-20T06:35:39-0500')).toBe(Date.UTC(2019, 10, 20, 11, 35, 39));
  });

  it('reads RSS dates, and ignores the spaces around a date', () => {
    expect(dateValue('Tue, 19 Nov 2019 13:03:00 GMT')).toBe(Date.UTC(2019, 10, 19, 13, 3));
    expect(dateValue('  2019-11-19T13:03:00Z\n')).toBe(Date.UTC(2019, 10, 19, 13, 3));
  });

  it('orders two copies of a text by their dates', () => {
    expect(dateValue('2022-01-07T07:32:00+0800')!).toBeLessThan(dateValue('2022-01-07T00:00:00Z')!);
  });

  it('answers null when there is no date or it cannot be read', () => {
    for (const unreadable of ['', '   ', 'yesterday', 'January the seventh', '2019-13-45']) {
      expect(dateValue(unreadable), unreadable).toBeNull();
    }
  });
});
