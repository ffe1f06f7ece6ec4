import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../src/browser/messaging';
import { isContentMessage, MAX_PAGE_CHARS } from '../src/browser/protocol';
import { isSiteOff, siteOf, watchSitesOff } from '../src/browser/site-switch';
import { EXTRACTION_LIMITS } from '../src/extract/budget';

// The content script does as little as it can on the page's main thread: a quick look
// at whether the page is an article, then one copy of its markup to the background,
// where extraction and matching run. It never writes anything into the page.

/** The page has settled when nothing changed in its body for this long... */
const QUIET_MS = 150;
/** ...or, on pages that never stop changing, after this long. */
const MAX_WAIT_MS = 2_000;
/**
 * The background refuses pages over EXTRACTION_LIMITS.maxElements, not counting scripts,
 * styles and SVG; this count includes them, so only a page four times over is refused here.
 */
const CERTAINLY_TOO_MANY_ELEMENTS = EXTRACTION_LIMITS.maxElements * 4;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let deadline = 0;
    let lastUrl = '';
    let lastLength = 0;
    /** The last check found this site turned off. */
    let siteOff = false;

    const check = async (): Promise<void> => {
      timer = undefined;
      if (!ctx.isValid) return;
      const url = location.href;
      // The reader turned this site off: the page is not read at all, only said to be skipped.
      siteOff = await isSiteOff(url).catch(() => false);
      if (siteOff) {
        lastUrl = '';
        void sendToBackground({ type: 'page-skipped', url, reason: 'site-off' });
        return;
      }
      // A page far past the background's element budget is refused before anything walks it
      // (the readerable check visits every paragraph). Counting is the browser's own, in native code.
      if (document.getElementsByTagName('*').length > CERTAINLY_TOO_MANY_ELEMENTS) {
        void sendToBackground({ type: 'page-skipped', url, reason: 'too-large' });
        return;
      }
      if (!isProbablyReaderable(document)) {
        void sendToBackground({ type: 'page-skipped', url, reason: 'not-an-article' });
        return;
      }
      const html = document.documentElement.outerHTML;
      if (html.length > MAX_PAGE_CHARS) {
        void sendToBackground({ type: 'page-skipped', url, reason: 'too-large' });
        return;
      }
      lastUrl = url;
      lastLength = document.body?.textContent?.length ?? 0;
      void sendToBackground({ type: 'page-ready', url, html });
    };

    /** Waits for a quiet moment, then checks when the browser is idle. */
    const schedule = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      const now = Date.now();
      if (deadline === 0) deadline = now + MAX_WAIT_MS;
      const wait = Math.max(0, Math.min(QUIET_MS, deadline - now));
      timer = setTimeout(() => {
        deadline = 0;
        if ('requestIdleCallback' in window) requestIdleCallback(() => void check(), { timeout: 1_000 });
        else void check();
      }, wait);
    };

    // A single-page site swaps its article without a reload: check again when the
    // address changes, or when the page's text changes by a lot.
    let lastMeasured = 0;
    const observer = new MutationObserver(() => {
      if (timer !== undefined) return schedule();
      // Measuring the text costs time on big pages: at most once a second.
      if (Date.now() - lastMeasured < 1_000) return;
      lastMeasured = Date.now();
      const length = document.body?.textContent?.length ?? 0;
      if (lastUrl !== '' && Math.abs(length - lastLength) > Math.max(2_000, lastLength / 3)) schedule();
    });
    if (document.body) observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.addEventListener(window, 'wxt:locationchange', () => schedule());

    // Turned off: the badge and report go at once; turned back on: the page is checked again.
    const stopWatching = watchSitesOff((sites) => {
      const off = sites.includes(siteOf(location.href));
      if (off && !siteOff) void check();
      else if (!off && siteOff) schedule();
    });
    ctx.onInvalidated(stopWatching);

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (isContentMessage(message)) schedule();
      return undefined;
    });
    schedule();
  },
});
