import type { OriginalRecord } from '../corpus/records';
import type { Candidate } from './originals';
import { dateValue } from '../text/dates';
import { uniqueId } from './originals';

// The rules for adding originals to a corpus (docs/corpus.md, "Building a corpus"), the same
// for `corpus add` (on a JSON Lines file) and `corpus build` (in memory):
// - the same canonical address replaces the entry (keeping its id);
// - a near-copy of an original present is not added again, and the earliest published
//   copy stays the original (an older newcomer replaces the later one);
// - with a maximum age, entries published before it are dropped (undated ones kept).

export type MergeOutcome =
  | { readonly kind: 'added'; readonly id: string }
  | {
      readonly kind: 'replaced';
      readonly id: string;
      readonly previousId: string;
      /** same-url: a new version of the page; earlier-copy: an older copy of the same article. */
      readonly why: 'same-url' | 'earlier-copy';
    }
  | {
      readonly kind: 'duplicate';
      /** The original present that stays. */
      readonly of: string;
      /**
       * near-copy: the same article under another address, published no earlier;
       * unchanged: this very page again (same address, same text and facts).
       */
      readonly why: 'near-copy' | 'unchanged';
      readonly similarity?: number;
      readonly facts?: number;
    }
  | { readonly kind: 'expired'; readonly published: string };

/** An original of the corpus, with its JSON line as read when it is unchanged (so rewriting the file keeps it byte for byte). */
export interface CorpusEntry {
  readonly record: OriginalRecord;
  readonly line?: string;
}

/** What the merge needs to tell copies apart: NearCopyFinder, or a stand-in in tests. */
export interface CopyFinder {
  add(key: number, record: OriginalRecord): void;
  remove(key: number): void;
  find(record: OriginalRecord): { readonly key: number; readonly similarity: number; readonly facts: number } | null;
}

export interface MergeOptions {
  /** Entries published before this time (ms since the epoch) are dropped; none when undefined. */
  readonly publishedAfter?: number;
}

export class CorpusMerge {
  /** Entries in corpus order; a removed one leaves a hole, so keys stay put. */
  private readonly slots: (CorpusEntry | null)[] = [];
  private readonly byUrl = new Map<string, number>();
  private readonly ids = new Set<string>();
  constructor(
    private readonly finder: CopyFinder,
    private readonly options: MergeOptions = {},
  ) {}

  /** Loads the corpus as it is; with a maximum age, the expired entries are dropped and returned. */
  load(entries: readonly CorpusEntry[]): MergeOutcome[] {
    const expired: MergeOutcome[] = [];
    for (const entry of entries) {
      const age = this.ageOf(entry.record);
      if (age === 'expired') expired.push({ kind: 'expired', published: entry.record.published });
      else this.place(this.slots.length, entry);
    }
    return expired;
  }

  /** The corpus now, in order. */
  entries(): CorpusEntry[] {
    return this.slots.filter((entry): entry is CorpusEntry => entry !== null);
  }

  /** Entries with no readable date: a maximum age cannot apply to them, so they stay. */
  undated(): number {
    return this.entries().filter((entry) => dateValue(entry.record.published) === null).length;
  }

  offer(candidate: Candidate): MergeOutcome {
    const { record } = candidate;
    if (this.ageOf(record) === 'expired') return { kind: 'expired', published: record.published };
    const urlKey = urlIdentity(record.url);
    const sameUrl = urlKey === null ? undefined : this.byUrl.get(urlKey);
    if (sameUrl !== undefined) {
      const present = this.slots[sameUrl]!.record;
      // What the new version does not say (a licence, a date) is kept from the entry.
      const next = fillGaps({ ...record, id: present.id }, present);
      if (sameRecord(present, next)) return { kind: 'duplicate', of: present.id, why: 'unchanged' };
      this.replace(sameUrl, { record: next });
      return { kind: 'replaced', id: present.id, previousId: present.id, why: 'same-url' };
    }
    const copy = this.finder.find(record);
    if (copy) {
      const present = this.slots[copy.key]!.record;
      const mine = dateValue(record.published);
      const theirs = dateValue(present.published);
      if (mine !== null && theirs !== null && mine < theirs) {
        // The newcomer is the earlier publication: it becomes the original, in the later copy's place.
        this.remove(copy.key);
        const id = this.newId(candidate);
        this.place(copy.key, { record: { ...record, id } });
        return { kind: 'replaced', id, previousId: present.id, why: 'earlier-copy' };
      }
      return { kind: 'duplicate', of: present.id, why: 'near-copy', similarity: copy.similarity, facts: copy.facts };
    }
    const id = this.newId(candidate);
    this.place(this.slots.length, { record: { ...record, id } });
    return { kind: 'added', id };
  }

  private ageOf(record: OriginalRecord): 'fresh' | 'expired' | 'undated' {
    if (this.options.publishedAfter === undefined) return 'fresh';
    const published = dateValue(record.published);
    if (published === null) return 'undated';
    return published < this.options.publishedAfter ? 'expired' : 'fresh';
  }

  private newId(candidate: Candidate): string {
    const base = candidate.keepId ? candidate.record.id : candidate.idBase;
    return uniqueId(base, (id) => this.ids.has(id));
  }

  private place(key: number, entry: CorpusEntry): void {
    this.slots[key] = entry;
    this.ids.add(entry.record.id);
    const urlKey = urlIdentity(entry.record.url);
    // The first entry with an address keeps it (a corpus may hold two entries of one address).
    if (urlKey !== null && !this.byUrl.has(urlKey)) this.byUrl.set(urlKey, key);
    this.finder.add(key, entry.record);
  }

  private remove(key: number): void {
    const entry = this.slots[key];
    if (!entry) return;
    this.slots[key] = null;
    this.ids.delete(entry.record.id);
    const urlKey = urlIdentity(entry.record.url);
    if (urlKey !== null && this.byUrl.get(urlKey) === key) this.byUrl.delete(urlKey);
    this.finder.remove(key);
  }

  private replace(key: number, entry: CorpusEntry): void {
    this.remove(key);
    this.place(key, entry);
  }
}

/**
 * What makes two addresses the same page: host (without "www."), path (without a trailing
 * slash) and query; not the scheme (http and https) nor the fragment. Null without an address.
 */
export function urlIdentity(url: string): string | null {
  if (url.trim() === '') return null;
  try {
    const parsed = new URL(url.trim());
    const path = parsed.pathname.replace(/\/+$/, '');
    return `${parsed.hostname.replace(/^www\./, '')}${path}${parsed.search}`;
  } catch {
    return url.trim();
  }
}

const META = ['title', 'author', 'publisher', 'url', 'published', 'license'] as const;

function fillGaps(record: OriginalRecord, from: OriginalRecord): OriginalRecord {
  const filled: Record<string, string> = {};
  for (const field of META) if (!record[field] && from[field]) filled[field] = from[field];
  return { ...record, ...filled };
}

function sameRecord(a: OriginalRecord, b: OriginalRecord): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.author === b.author &&
    a.publisher === b.publisher &&
    a.url === b.url &&
    a.published === b.published &&
    (a.license ?? '') === (b.license ?? '') &&
    a.text === b.text
  );
}
