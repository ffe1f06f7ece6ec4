// Rows of the side-by-side comparison: page and original paragraphs in reading order,
// aligned where the alignment paired them, each marked with what the repost did.
import type { KeptParagraph } from '../corpus/corpus-index';
import type { Analysis } from '../check/analyze';
import type { BoilerplateCategory } from '../report/report';

export type PageMark = 'same' | 'reworded' | 'added' | 'continues' | 'chrome';
export type OriginalMark = 'same' | 'reworded' | 'missing' | 'merged';

export interface ComparisonRow {
  readonly page?: {
    readonly index: number;
    readonly text: string;
    readonly mark: PageMark;
    readonly category?: BoilerplateCategory;
  };
  readonly original?: {
    readonly index: number;
    readonly text: string;
    readonly mark: OriginalMark;
    readonly snippetOnly: boolean;
  };
}

export function comparisonRows(analysis: Analysis, originalParagraphs: readonly KeptParagraph[]): ComparisonRow[] {
  const { article, alignment, report } = analysis;
  if (!alignment) return [];
  const missing = new Set(
    report.findings.flatMap((f) => (f.kind === 'missing-paragraphs' ? f.paragraphs.map((p) => p.index) : [])),
  );
  const added = new Map(
    report.findings.flatMap((f) =>
      f.kind === 'added-boilerplate' ? f.paragraphs.map((p) => [p.text, p.category] as const) : [],
    ),
  );
  const continuations = new Set(alignment.continuations);
  const pageRow = (i: number, mark?: PageMark): ComparisonRow['page'] => {
    const text = article.paragraphs[i]!;
    const category = added.get(text);
    return {
      index: i,
      text,
      mark: mark ?? (category ? 'added' : continuations.has(i) ? 'continues' : 'chrome'),
      ...(category ? { category } : {}),
    };
  };
  const originalRow = (j: number, mark?: OriginalMark): ComparisonRow['original'] => {
    const record = originalParagraphs[j]!;
    return {
      index: j,
      text: record.text ?? record.snippet,
      snippetOnly: record.text === undefined,
      mark: mark ?? (missing.has(j) ? 'missing' : 'merged'),
    };
  };
  const rows: ComparisonRow[] = [];
  let i = 0;
  let j = 0;
  const pairs = [...alignment.pairs].sort((a, b) => a.page - b.page);
  for (const pair of [
    ...pairs,
    { page: article.paragraphs.length, original: originalParagraphs.length, similarity: null },
  ]) {
    for (; j < pair.original; j++) rows.push({ original: originalRow(j) });
    for (; i < pair.page; i++) rows.push({ page: pageRow(i) });
    if (pair.similarity) {
      const mark = pair.similarity.kind === 'reworded' ? 'reworded' : 'same';
      rows.push({ page: pageRow(pair.page, mark), original: originalRow(pair.original, mark) });
      i = pair.page + 1;
      j = pair.original + 1;
    }
  }
  return rows;
}
