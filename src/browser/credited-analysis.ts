// An original the reader named (fetched or pasted) as the comparison page shows it: an
// index of that original alone, with its full text, so whole paragraphs are shown.
import { buildCorpusIndex } from '../corpus/corpus-index';
import type { OriginalRecord } from '../corpus/records';
import type { OriginalView } from './protocol';

/** The original as the comparison page shows it: metadata and whole paragraphs. */
export function originalView(record: OriginalRecord): OriginalView {
  const index = buildCorpusIndex([record], { fullText: true });
  return { original: index.originalOf(0), paragraphs: index.keptParagraphsOf(0) };
}
