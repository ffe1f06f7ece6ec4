// "Compare" from a saved example: its text, kept when it was saved, checked again against
// the originals on this computer now, for the comparison page (compare.html?saved=<id>).
// The example keeps its report but not the alignment the page lays out, so the text is
// aligned afresh; nothing is fetched.
import type { CorpusIndex } from '../corpus/corpus-index';
import { analyzeAgainst } from '../check/analyze';
import type { SavedExample } from '../saved-examples/example';
import type { SavedComparison } from './protocol';

export function compareSaved(example: SavedExample | undefined, indexes: readonly CorpusIndex[]): SavedComparison {
  if (!example) return { ok: false, reason: 'no-example' };
  const article = { title: example.title, byline: '', siteName: '', url: example.url, paragraphs: example.paragraphs };
  const analysis = analyzeAgainst(article, indexes);
  const id = analysis.report.match?.id;
  if (id === undefined || !analysis.alignment) return { ok: false, reason: 'no-original' };
  for (const index of indexes) {
    const found = index.findOriginal(id);
    if (found < 0) continue;
    return {
      ok: true,
      savedAt: example.savedAt,
      report: { status: 'checked', url: example.url, checkedAt: Date.now(), analysis },
      original: { original: index.originalOf(found), paragraphs: index.keptParagraphsOf(found) },
    };
  }
  return { ok: false, reason: 'no-original' };
}
