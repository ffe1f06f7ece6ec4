import { errorMessage } from '../text/error-message';
import { splitParagraphs } from '../text/paragraphs';
import { CorpusError, parseCorpusJsonl, toOriginalRecord, type OriginalRecord } from './records';

// Originals from a folder of files (DESIGN.md): the same rules for the command line
// and for the options page.

/** A .txt original: a short first line without a full stop is its title. */
export function originalFromText(id: string, text: string): OriginalRecord {
  const paragraphs = splitParagraphs(text);
  const first = paragraphs[0] ?? '';
  const hasTitle = paragraphs.length > 1 && first.split(' ').length <= 20 && !/[.!?]["”’]?$/.test(first);
  return toOriginalRecord({
    id,
    title: hasTitle ? first : id,
    text: (hasTitle ? paragraphs.slice(1) : paragraphs).join('\n\n'),
  });
}

/**
 * What an original is made of from a page: an extracted article's fields (extract/'s
 * Article has them). Declared here so that the corpus never imports extraction: the
 * caller reads the page.
 */
export interface PageFields {
  readonly title: string;
  readonly byline: string;
  readonly siteName: string;
  readonly url: string;
  readonly paragraphs: readonly string[];
}

/** An .html original, from its extracted article. */
export function originalFromArticle(id: string, article: PageFields): OriginalRecord {
  return toOriginalRecord({
    id,
    title: article.title || id,
    author: article.byline,
    publisher: article.siteName,
    url: article.url,
    text: article.paragraphs.join('\n\n'),
  });
}

/** The id of a file's original: its name without the extension. */
export const idFromFileName = (name: string): string => name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

/**
 * The originals in one file, by its extension: a JSON Lines corpus (.jsonl, .json), one
 * plain-text original (.txt) or one page (.html, .htm, through `readHtml`: linkedom on
 * the command line, the browser's own parser in the options page); none for any other
 * file. A bad file throws a CorpusError that names it.
 */
export function originalsFromFile(
  name: string,
  text: string,
  readHtml: (html: string) => PageFields,
): OriginalRecord[] {
  try {
    if (/\.jsonl?$/i.test(name)) return parseCorpusJsonl(text);
    if (/\.txt$/i.test(name)) return [originalFromText(idFromFileName(name), text)];
    if (/\.html?$/i.test(name)) return [originalFromArticle(idFromFileName(name), readHtml(text))];
    return [];
  } catch (error) {
    throw new CorpusError(`${name}: ${errorMessage(error)}`);
  }
}
