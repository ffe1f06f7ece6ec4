// The machine-translation finding's confidence, said in words in the popup (issue 23 item 3):
// the helper's levels, and seed 000's finding as ReportView shows it.
import '../support/english-ui';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/check/analyze';
import { deserializeIndex } from '../../src/corpus/index-file';
import { articleFromText } from '../../src/extract/article';
import type { Finding } from '../../src/report/report';
import { translationConfidence } from '../../src/ui/confidence';
import { ReportView } from '../../src/ui/ReportView';
import { SEED_EXPECTATIONS, seedText } from '../support/seeds';

type MachineTranslation = Extract<Finding, { kind: 'machine-translation' }>;

const bundled = deserializeIndex(readFileSync(new URL('../../public/corpus.rrx', import.meta.url)));
const seed000 = analyzeArticle(articleFromText(seedText(SEED_EXPECTATIONS[0]!)), bundled);
const finding = seed000.report.findings.find((f): f is MachineTranslation => f.kind === 'machine-translation');

describe('translationConfidence', () => {
  it('calls a high-severity finding high confidence, whatever its score', () => {
    expect(finding?.severity).toBe('high');
    expect(translationConfidence(finding!).level).toBe('high');
  });

  it('tells one kind of tell with more around it from one kind alone', () => {
    // One kind of tell alone scores 0.65 (src/detect/translation.ts); slips and rewording add to it.
    expect(translationConfidence({ ...finding!, severity: 'medium', confidence: 0.72 })).toEqual({
      level: 'medium',
      reason: 'popup_reason_mt_medium',
    });
    expect(translationConfidence({ ...finding!, severity: 'medium', confidence: 0.65 }).level).toBe('low');
  });
});

describe('the popup on seed 000', () => {
  it('says the confidence in words, and that it is no probability, with no percentage', () => {
    const { document } = parseHTML('<!doctype html><html><body><main></main></body></html>');
    const root = document.querySelector('main') as unknown as Element;
    render(
      h(ReportView, { report: { status: 'checked', url: 'https://x.example/', checkedAt: 0, analysis: seed000 } }),
      root,
    );
    const section = [...root.querySelectorAll('details.finding')].find((d) =>
      d.querySelector('.finding-title')?.textContent?.match(/Machine translated/),
    );
    expect(section?.querySelector('.finding-meta')?.textContent).toBe('high certainty');
    expect(section?.querySelector('.finding-confidence')?.textContent).toBe(
      'Certainty: high — several kinds of machine-translation tells, or one that runs through the text. ' +
        'It rates how much evidence the page shows; it is not a probability.',
    );
    expect(section?.textContent).not.toMatch(/\d+%/);
  });

  it('says how sure the verdict is, and how much of the original the page holds, in words', () => {
    const { document } = parseHTML('<!doctype html><html><body><main></main></body></html>');
    const root = document.querySelector('main') as unknown as Element;
    render(
      h(ReportView, { report: { status: 'checked', url: 'https://x.example/', checkedAt: 0, analysis: seed000 } }),
      root,
    );
    expect(root.querySelector('.verdict-certainty')?.textContent).toBe(
      'Certainty: high — several kinds of machine-translation tells, or one that runs through the text.',
    );
    // Coverage 0.75 and similarity 0.34 in the report: said, never shown as numbers.
    expect(root.querySelector('.original-stats')?.textContent).toBe(
      "Holds 9 of the original's 12 paragraphs, partly in the original's words, partly in others.",
    );
    expect(root.textContent).not.toMatch(/similarity|0\.34|75 ?%/);
    // The findings come folded, their credits apart and neutral.
    expect([...root.querySelectorAll('details.finding')].every((d) => !d.hasAttribute('open'))).toBe(true);
    const credits = root.querySelector('details.credits');
    expect(credits?.querySelector('.finding-title')?.textContent).toBe('Credits on the page');
    expect([...(credits?.querySelectorAll('.category') ?? [])].map((c) => c.textContent)).toEqual(
      Array(3).fill('Source credit'),
    );
    expect(root.querySelector('.findings')?.textContent).not.toMatch(/Source credit/);
  });
});
