// The popup's report (src/ui/ReportView.tsx) for each state of a tab, rendered by Preact
// into linkedom's document. Page text is untrusted: it must come out as text, never markup.
import '../support/english-ui';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { TabReport } from '../../src/browser/protocol';
import { ReportView } from '../../src/ui/ReportView';

const url = 'https://reposts.example/story';
function shown(report: TabReport | null): Element {
  const { document } = parseHTML('<!doctype html><html><body><main></main></body></html>');
  const root = document.querySelector('main') as unknown as Element;
  render(h(ReportView, { report }), root);
  return root;
}
const text = (root: Element, selector: string): string => root.querySelector(selector)?.textContent ?? '';

describe('ReportView', () => {
  it('asks for a reload where nothing was checked', () => {
    const root = shown(null);
    expect(text(root, '.verdict-title')).toBe('Nothing checked on this page');
    expect(root.querySelector('.verdict')?.getAttribute('class')).toBe('verdict verdict-neutral');
  });

  it('marks a running check as busy, for screen readers', () => {
    const root = shown({ status: 'checking', url, since: 0, checkId: 'c1' });
    expect(text(root, '.verdict-title')).toBe('Checking this page…');
    expect(root.querySelector('.verdict')?.getAttribute('aria-busy')).toBe('true');
    expect(shown(null).querySelector('.verdict')?.hasAttribute('aria-busy')).toBe(false);
  });

  it('says why a page was skipped', () => {
    expect(text(shown({ status: 'skipped', url, reason: 'too-large' }), '.verdict-title')).toBe('Too large to check');
    const notArticle = shown({ status: 'skipped', url, reason: 'not-an-article' });
    expect(text(notArticle, '.verdict-title')).toBe('Not an article');
    expect(text(notArticle, '.verdict-message')).toMatch(/does not look like a news or opinion article/);
  });

  it('shows a failure’s message as text, markup and all', () => {
    const hostile = 'the page said <img src=x onerror="alert(1)"><script>alert(2)</script>';
    const root = shown({ status: 'failed', url, message: hostile });
    expect(text(root, '.verdict-title')).toBe('Could not check this page');
    expect(text(root, '.verdict-message')).toBe(hostile);
    expect(root.querySelectorAll('img, script')).toHaveLength(0);
  });
});
