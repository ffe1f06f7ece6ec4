import { browser } from 'wxt/browser';

/** The extension's own pages a reader is pointed to: the first-run page and the privacy page. */
export const ONBOARDING_PAGE = '/onboarding.html';
export const PRIVACY_PAGE = '/privacy.html';

/**
 * Opens the onboarding page once, on a fresh install (not on updates or browser updates):
 * it says what Repost Radar checks, what it holds and what it sends, before the first badge appears.
 */
export function openOnboardingOnInstall(details: { readonly reason: string }): void {
  if (details.reason !== 'install') return;
  void browser.tabs.create({ url: browser.runtime.getURL(ONBOARDING_PAGE) }).catch(() => undefined);
}
