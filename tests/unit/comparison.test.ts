import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, type CorpusIndex } from '../../src/corpus/corpus-index';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { articleFromText } from '../../src/extract/article';
import { analyzeArticle, type Analysis } from '../../src/check/analyze';
import { comparisonRows, type ComparisonRow } from '../../src/ui/comparison';
import { machineTranslations } from '../fixtures/translation/sets';
import { asOriginal, brownHalves } from '../support/brown';
import { SEED_EXPECTATIONS, seedText } from '../support/seeds';

// The side-by-side rows (src/ui/comparison.ts) for real analyses: the seed repost (cut,
// translated, with a bio and credits) against the seed original, kept as snippets (the
// bundled corpus) and as full text (a user's own), and a complete machine translation.
const seed = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'));
const snippets = buildCorpusIndex(seed);
const fullText = buildCorpusIndex(seed, { fullText: true });
const repostOf = (index: CorpusIndex): Analysis =>
  analyzeArticle(articleFromText(seedText(SEED_EXPECTATIONS[0]!)), index);
const rowsOf = (analysis: Analysis, index: CorpusIndex): ComparisonRow[] =>
  comparisonRows(analysis, index.keptParagraphsOf(analysis.alignment!.originalIndex));

describe('comparison rows', () => {
  const analysis = repostOf(snippets);
  const rows = rowsOf(analysis, snippets);
  const { article, alignment, report } = analysis;

  it('shows every page paragraph and every original paragraph once, each side in reading order', () => {
    expect(rows.flatMap((r) => (r.page ? [r.page.index] : []))).toEqual(article.paragraphs.map((_, i) => i));
    const originals = rows.flatMap((r) => (r.original ? [r.original.index] : []));
    expect(originals).toEqual(snippets.keptParagraphsOf(0).map((_, j) => j));
  });

  it('puts each aligned pair side by side, marked as the pair’s kind', () => {
    const sideBySide = rows.filter((r) => r.page && r.original);
    expect(sideBySide.map((r) => [r.page!.index, r.original!.index])).toEqual(
      alignment!.pairs.map((p) => [p.page, p.original]),
    );
    for (const [k, pair] of alignment!.pairs.entries()) {
      const mark = pair.similarity.kind === 'reworded' ? 'reworded' : 'same';
      expect([sideBySide[k]!.page!.mark, sideBySide[k]!.original!.mark]).toEqual([mark, mark]);
    }
  });

  it('marks the paragraphs the report calls missing, and the rest of the unpaired original as merged', () => {
    const missing = report.findings.flatMap((f) => (f.kind === 'missing-paragraphs' ? f.paragraphs : []));
    expect(missing.length).toBeGreaterThan(0);
    const unpaired = rows.filter((r) => r.original && !r.page).map((r) => r.original!);
    for (const cell of unpaired) {
      expect(cell.mark).toBe(missing.some((m) => m.index === cell.index) ? 'missing' : 'merged');
    }
    expect(unpaired.filter((c) => c.mark === 'missing').map((c) => c.index)).toEqual(missing.map((m) => m.index));
  });

  it('marks added boilerplate with its category, continuations as such, and the rest as page chrome', () => {
    const added = report.findings.flatMap((f) => (f.kind === 'added-boilerplate' ? f.paragraphs : []));
    expect(added.length).toBeGreaterThan(0);
    const unpaired = rows.filter((r) => r.page && !r.original).map((r) => r.page!);
    for (const cell of unpaired) {
      const finding = added.find((a) => a.text === cell.text);
      if (finding) expect(cell).toMatchObject({ mark: 'added', category: finding.category });
      else expect(cell.mark).toBe(alignment!.continuations.includes(cell.index) ? 'continues' : 'chrome');
    }
    expect(unpaired.filter((c) => c.mark === 'added')).toHaveLength(added.length);
  });

  it('shows the original’s opening sentences from the bundled corpus, and full paragraphs from a user’s own', () => {
    for (const r of rows) if (r.original) expect(r.original).toMatchObject({ snippetOnly: true });
    const full = rowsOf(repostOf(fullText), fullText);
    const texts = full.flatMap((r) => (r.original ? [r.original] : []));
    expect(texts.every((c) => !c.snippetOnly)).toBe(true);
    expect(texts.map((c) => c.text).join('\n\n')).toBe(seed[0]!.text);
  });

  it('marks a complete machine translation reworded or same throughout, with nothing missing or added', () => {
    const { first } = brownHalves();
    const translation = machineTranslations('eng-spa')[0]!;
    const brown = buildCorpusIndex([asOriginal(first.find((t) => t.id === translation.id)!)]);
    const translated = analyzeArticle({ ...articleFromText(''), paragraphs: translation.paragraphs }, brown);
    const marks = rowsOf(translated, brown).flatMap((r) => [r.page?.mark, r.original?.mark]);
    expect(marks).toContain('reworded');
    expect(marks.filter((m) => m !== 'same' && m !== 'reworded' && m !== 'merged' && m !== 'continues')).toEqual([]);
  });

  it('has no rows without an alignment', () => {
    const unrelated = analyzeArticle(articleFromText(seedText(SEED_EXPECTATIONS[3]!)), snippets);
    expect(unrelated.alignment).toBeNull();
    expect(comparisonRows(unrelated, snippets.keptParagraphsOf(0))).toEqual([]);
  });
});
