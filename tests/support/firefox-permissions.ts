// Firefox's permission prompt cannot be answered from a test: an extension page's
// `browser.permissions.request` is replaced once the page has loaded (Firefox's extension
// pages read the native `browser` at call time) by one that records each request.
import type { Page } from 'puppeteer-core';

/** Replaces a loaded extension page's `browser.permissions.request`: it records each request and answers `answer`. */
export async function answerPermissionRequests(extensionPage: Page, answer: boolean): Promise<void> {
  await extensionPage.evaluate((allow: boolean) => {
    const calls: unknown[] = [];
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    Object.assign(globalThis, { permissionRequests: calls });
    (api.permissions as { request: unknown }).request = (details: unknown) => {
      calls.push(JSON.parse(JSON.stringify(details)));
      return Promise.resolve(allow);
    };
  }, answer);
}

/** The permission requests recorded since `answerPermissionRequests`. */
export const permissionRequestsIn = (extensionPage: Page): Promise<unknown> =>
  extensionPage.evaluate(() => (globalThis as unknown as { permissionRequests: unknown }).permissionRequests);
