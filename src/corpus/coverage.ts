// What a corpus covers, for people: each publisher's originals and the years they span.
// The onboarding page shows it for the bundled corpus (assets/corpus-coverage.json, written
// by scripts/corpus-coverage.ts): the index's header counts publishers but not years, and
// finding the years in the index would mean unpacking every block of it on the reader's machine.
import type { OriginalMeta } from './records';

export interface PublisherCoverage {
  readonly publisher: string;
  readonly originals: number;
  /** The first and last year published, or null when no original gives a date. */
  readonly from: number | null;
  readonly to: number | null;
}

export interface CorpusCoverage {
  readonly originals: number;
  /** Largest first, then by name. */
  readonly publishers: readonly PublisherCoverage[];
}

const yearOf = (published: string): number | null => {
  const year = /^(\d{4})/.exec(published)?.[1];
  return year === undefined ? null : Number(year);
};

export function corpusCoverage(originals: Iterable<Pick<OriginalMeta, 'publisher' | 'published'>>): CorpusCoverage {
  const by = new Map<string, { originals: number; from: number | null; to: number | null }>();
  let total = 0;
  for (const { publisher, published } of originals) {
    total++;
    const name = publisher || '(none)';
    const entry = by.get(name) ?? { originals: 0, from: null, to: null };
    entry.originals++;
    const year = yearOf(published);
    if (year !== null) {
      entry.from = entry.from === null ? year : Math.min(entry.from, year);
      entry.to = entry.to === null ? year : Math.max(entry.to, year);
    }
    by.set(name, entry);
  }
  const publishers = [...by]
    .map(([publisher, entry]) => ({ publisher, ...entry }))
    .sort((a, b) => b.originals - a.originals || a.publisher.localeCompare(b.publisher));
  return { originals: total, publishers };
}
