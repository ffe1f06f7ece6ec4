// The followed corpus: every followed site's articles, merged by the rules `corpus add`
// follows (src/ingest/merge.ts: the same address replaces its entry, a near-copy of an
// article present is not added again, the earliest published copy stays), and expired
// after the reader's number of days. Pure: the background loads it, offers new articles,
// and stores what it holds.
import { CorpusMerge, type MergeOutcome } from '../ingest/merge';
import { NearCopyFinder } from '../ingest/near-copy';
import type { Candidate } from '../ingest/originals';
import { dateValue } from '../text/dates';
import type { FollowedArticle, FollowSettings } from './sites';

export const DAY_MS = 86_400_000;

/** When an article counts from: its publication, or, undated, when it was fetched. */
export function articleTime(article: FollowedArticle): number {
  return dateValue(article.record.published) ?? article.fetchedAt;
}

export function isExpired(article: FollowedArticle, now: number, expiryDays: number): boolean {
  return articleTime(article) < now - expiryDays * DAY_MS;
}

export class FollowedCorpus {
  private readonly merge: CorpusMerge;
  /** Which site brought each article, and when, by id (ids are unique in a merge). */
  private readonly owners = new Map<string, { readonly site: string; readonly fetchedAt: number }>();
  /** Articles dropped on loading, their time being past. */
  readonly expired: number;

  constructor(articles: readonly FollowedArticle[], settings: Pick<FollowSettings, 'expiryDays'>, now: number) {
    const kept = articles.filter((a) => !isExpired(a, now, settings.expiryDays));
    this.expired = articles.length - kept.length;
    // A newcomer published before the cut-off is refused as expired (undated ones are fetched now: fresh).
    this.merge = new CorpusMerge(new NearCopyFinder(), { publishedAfter: now - settings.expiryDays * DAY_MS });
    this.merge.load(kept.map((a) => ({ record: a.record })));
    for (const a of kept) this.owners.set(a.record.id, { site: a.site, fetchedAt: a.fetchedAt });
  }

  /** Offers an article read from `site` at `now`; says what became of it. */
  offer(candidate: Candidate, site: string, now: number): MergeOutcome {
    const outcome = this.merge.offer(candidate);
    if (outcome.kind === 'added') this.owners.set(outcome.id, { site, fetchedAt: now });
    if (outcome.kind === 'replaced') {
      this.owners.delete(outcome.previousId);
      this.owners.set(outcome.id, { site, fetchedAt: now });
    }
    return outcome;
  }

  /** The corpus now, in order. */
  articles(): FollowedArticle[] {
    return this.merge.entries().map(({ record }) => ({ ...this.owners.get(record.id)!, record }));
  }
}
