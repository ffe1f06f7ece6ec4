// Analyzing a page against one original the reader named: an index of that original
// alone, with its full text (the reader's own, so whole paragraphs are shown and cited).
import { buildCorpusIndex } from '../corpus/corpus-index';
import type { OriginalRecord } from '../corpus/records';
import type { Article } from '../extract/article';
import { analyzeArticle, type Analysis } from '../report/analyze';
import type { OriginalView } from './protocol';

export function analyzeAgainstOriginal(article: Article, record: OriginalRecord): Analysis {
  return analyzeArticle(article, buildCorpusIndex([record], { fullText: true }));
}

/** The original as the comparison page shows it: metadata and whole paragraphs. */
export function originalView(record: OriginalRecord): OriginalView {
  const index = buildCorpusIndex([record], { fullText: true });
  return { original: index.originalOf(0), paragraphs: index.recordsOf(0) };
}
