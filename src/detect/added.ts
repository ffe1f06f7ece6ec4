// What a page adds to the original's text: its unpaired paragraphs, classified where
// they sit (before, inside or after the original's text), and when they are a finding.
import type { ParagraphRecord } from '../corpus/corpus-index';
import type { OriginalMeta } from '../corpus/records';
import type { Article } from '../extract/article';
import type { Alignment } from '../match/align';
import type { AddedParagraph, Finding } from '../report/report';
import { plural } from '../text/plural';
import { tokenize } from '../text/tokens';
import { classifyAdded, type Classification, type Zone } from './boilerplate';

export type AddedFinding = Extract<Finding, { kind: 'added-boilerplate' }>;

/** An added paragraph that is a finding (not site chrome), with how it was classified. */
export interface ClassifiedAddition {
  readonly paragraph: AddedParagraph;
  readonly classification: Extract<Classification, { kind: 'finding' }>;
}

/**
 * Whether a page paragraph is text the original itself carries (a photo credit, a
 * "SOURCE: …" line, a caption): such a line is never "added". What the index keeps of
 * each original paragraph (its text, or its opening sentence and last words) is
 * compared after normalisation.
 */
export function carriedText(records: readonly ParagraphRecord[]): (text: string) => boolean {
  const known = records.map((r) => tokenize(r.text ?? `${r.snippet} ${r.tail}`).join(' '));
  return (text) => {
    const words = tokenize(text).join(' ');
    return words !== '' && known.some((k) => k === words || (words.length >= 12 && k.includes(words)));
  };
}

/** The page's added paragraphs that are findings (not site chrome), with how they were classified. */
export function classifiedAdditions(
  article: Article,
  alignment: Alignment,
  original: OriginalMeta,
  records: readonly ParagraphRecord[],
): ClassifiedAddition[] {
  const first = alignment.pairs[0]?.page ?? 0;
  const last = alignment.pairs.at(-1)?.page ?? article.paragraphs.length - 1;
  const carried = carriedText(records);
  return alignment.added.flatMap((i) => {
    if (carried(article.paragraphs[i]!)) return [];
    const zone: Zone = i < first ? 'before' : i > last ? 'after' : 'inside';
    const classification = classifyAdded(article.paragraphs[i]!, zone, original);
    if (classification?.kind !== 'finding') return [];
    const { category, note } = classification;
    return [{ paragraph: { text: article.paragraphs[i]!, category, ...(note ? { note } : {}) }, classification }];
  });
}

/**
 * The added-boilerplate finding, when the additions accuse the page. A complete copy
 * that credits its source is syndication, not a low-quality repost (MSN's credited
 * copies in the real-page test): on its own, only a bio of someone else, which passes
 * the text off as another's, accuses it. Credits are evidence beside cuts or translation.
 */
export function addedBoilerplateFinding(
  classified: readonly ClassifiedAddition[],
  besides: { readonly cut: boolean; readonly machineTranslated: boolean },
): AddedFinding | null {
  const added = classified.map(({ paragraph }) => paragraph);
  const passedOff = classified.some(({ classification }) => classification.otherAuthor === true);
  if (added.length === 0 || !(passedOff || besides.cut || besides.machineTranslated)) return null;
  return {
    kind: 'added-boilerplate',
    severity: passedOff ? 'high' : 'low',
    summary: `${plural(added.length, 'paragraph')} the original does not have: ${[...new Set(added.map((p) => p.category))].join(', ')}`,
    paragraphs: added,
  };
}
