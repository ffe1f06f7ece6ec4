import { TimeoutError, type Page } from 'puppeteer-core';

/**
 * Opens an extension page in Firefox (puppeteer over WebDriver BiDi). Firefox does not
 * always report such a navigation as done, so this waits for the page's own content
 * instead. The wait polls with evaluates, which BiDi sometimes fails while the page
 * settles ("right-hand side of 'in' should be an object, got null"): such a failure is
 * waited past; a timeout is not.
 */
export async function openFirefoxExtensionPage(page: Page, url: string, selector: string): Promise<void> {
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await page.waitForSelector(selector, { timeout: Math.max(1_000, deadline - Date.now()) });
      return;
    } catch (error) {
      if (error instanceof TimeoutError || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}
