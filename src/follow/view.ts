// Followed sites as the options page shows them. Pure: shared by the background (which
// builds them) and the options page (which renders them, as text).
import type { FollowedArticle, FollowedSite, FollowSettings } from './sites';

export interface FollowedView {
  readonly url: string;
  readonly name: string;
  /** Articles of this site in the followed corpus. */
  readonly articles: number;
  /** Entries waiting for a later run (over one run's cap). */
  readonly pending: number;
  readonly addedAt: number;
  readonly checkedAt: number | null;
  readonly updatedAt: number | null;
  readonly error: string | null;
  readonly updating: boolean;
}

/** Every follow message is answered with the sites as they now are, the settings, and an error if the action failed. */
export interface FollowedReply {
  readonly sites: readonly FollowedView[];
  readonly settings: FollowSettings;
  readonly error?: string;
}

export function followedViews(
  sites: readonly FollowedSite[],
  articles: readonly FollowedArticle[],
  updating: (url: string) => boolean,
): FollowedView[] {
  const held = new Map<string, number>();
  for (const a of articles) held.set(a.site, (held.get(a.site) ?? 0) + 1);
  return [...sites]
    .sort((a, b) => a.addedAt - b.addedAt)
    .map((site) => ({
      url: site.url,
      name: site.name,
      articles: held.get(site.url) ?? 0,
      pending: site.pending.length,
      addedAt: site.addedAt,
      checkedAt: site.checkedAt ?? null,
      updatedAt: site.updatedAt ?? null,
      error: site.error ?? null,
      updating: updating(site.url),
    }));
}
