// A page checked against one original the reader brought (a file, an address) or that the
// page credits, fetched: the same pipeline as a corpus check, on an index of that one
// original built with its full text, so the evidence quotes whole paragraphs.
import { buildCorpusIndex } from '../corpus/corpus-index';
import type { OriginalRecord } from '../corpus/records';
import type { Article } from '../extract/article';
import { sameSite } from '../net/same-site';
import { analyzeArticle, type Analysis } from './analyze';
import type { OriginalSource } from '../report/report';

/**
 * `pageUrl` is the page's own address, when known. The article's `url` is not enough: it
 * is the page's canonical link when it has one, and a syndicated copy's canonical link
 * names the very original it is compared with.
 */
export function analyzeAgainstOriginal(
  article: Article,
  original: OriginalRecord,
  source: OriginalSource,
  pageUrl: string = article.url,
): Analysis {
  const index = buildCorpusIndex([original], { fullText: true });
  // The pipeline calls a page on the original's site the original. It compares host names
  // only, so it is told the page's address only when the site rule here (ports included:
  // two servers on one machine are two sites) agrees.
  const onItsSite = pageUrl !== '' && original.url !== '' && sameSite(pageUrl, original.url);
  const analysis = analyzeArticle({ ...article, url: onItsSite ? pageUrl : '' }, index);
  const { report } = analysis;
  // The corpus's "no original" sentence would be wrong here: there was one, and it does not match.
  const message =
    report.verdict === 'unrelated'
      ? `This page does not carry the text of “${original.title || original.url || original.id}”.`
      : report.message;
  return { ...analysis, article, report: { ...report, message, originalSource: source } };
}
