// What a page adds to the original's text: its unpaired paragraphs, as the comparison
// classified them where they sit (match/compare.ts), and when they are a finding.
import type { Classification } from '../classify/boilerplate';
import type { Comparison } from '../match/compare';
import type { AddedParagraph, Finding } from '../report/report';
import { inEnglish } from '../i18n/english';
import { addedNoteSaid, addedSaid } from '../report/wording';

export type AddedFinding = Extract<Finding, { kind: 'added-boilerplate' }>;

/** An added paragraph that is a finding (not site chrome), with how it was classified. */
export interface ClassifiedAddition {
  readonly paragraph: AddedParagraph;
  readonly classification: Extract<Classification, { kind: 'finding' }>;
}

/** The page's added paragraphs that are findings (not site chrome, not the original's own lines), with how they were classified. */
export function classifiedAdditions(comparison: Comparison): ClassifiedAddition[] {
  const originalAuthor = comparison.original.author;
  // A moved paragraph is the original's, in another place (a restructured rewrite).
  const moved = new Set(comparison.alignment.moved.map((p) => p.page));
  return [...comparison.additions().values()].flatMap(({ index, carried, classification }) => {
    if (carried || moved.has(index) || classification?.kind !== 'finding') return [];
    const { category, bioOf, otherAuthor, imageCredit } = classification;
    const text = comparison.page.paragraphs[index]!;
    const noteSaid = addedNoteSaid({ imageCredit, bioOf, originalAuthor: otherAuthor ? originalAuthor : undefined });
    const note = noteSaid ? { note: inEnglish(noteSaid), noteSaid } : {};
    return [{ paragraph: { text, category, ...note }, classification }];
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
  besides: { readonly cut: boolean; readonly machineTranslated: boolean; readonly rewritten?: boolean },
): AddedFinding | null {
  const added = classified.map(({ paragraph }) => paragraph);
  const passedOff = classified.some(({ classification }) => classification.otherAuthor === true);
  if (added.length === 0 || !(passedOff || besides.cut || besides.machineTranslated || besides.rewritten)) return null;
  const said = addedSaid(
    added.length,
    added.map((p) => p.category),
  );
  return {
    kind: 'added-boilerplate',
    severity: passedOff ? 'high' : 'low',
    summary: inEnglish(said),
    said,
    paragraphs: added,
  };
}
