import type { OriginalMeta } from '../corpus/records';
import type { BoilerplateCategory } from '../report/report';
import { foldTypography } from '../text/normalize';
import { countWords } from '../text/tokens';

/** Where an added paragraph sits relative to the original's text on the page. */
export type Zone = 'before' | 'inside' | 'after';

/** What an added paragraph is: a finding's category, site chrome, or nothing at all. */
export type Classification =
  | {
      readonly kind: 'finding';
      readonly category: BoilerplateCategory;
      readonly note?: string;
      /** A bio of someone other than the original's author: the page passes the text off. */
      readonly otherAuthor?: boolean;
    }
  | { readonly kind: 'chrome' };

const CREDIT =
  /^(?:sources?(?: from)?|via|credits?|courtesy(?: of)?|originally (?:published|appeared)|republished|reprinted|(?:this|the) (?:article|story|post|piece|column|op-ed) (?:was |is |has been )?(?:originally |first )?(?:published|appeared|written|reproduced)|©|\(c\)|copyright)\b/i;
const BYLINE = /^(?:opinion )?(?:by|written by|authored by|posted by)\s+\p{Lu}/iu;
const COMMENT_WIDGET =
  /^(?:(?:\d+|no) comments?:?|(?:post|leave|add|write|submit) a (?:comment|reply)|comments? (?:are|is) closed|reply|share(?: this(?: article| story)?)?(?: on \w+)?|your email address will not be published.*)$/i;
const PROMO =
  /\b(?:subscribe|newsletter|sign up|download (?:our|the) app|follow us|join (?:us|our)|click here|read more|also read|read also|sponsored|advertisement|telegram|whatsapp|promo code|discount|buy now|limited offer|don't miss)\b/i;
const CAPTION = /\((?:[^()]*\b(?:Getty|AP|Reuters|AFP|EPA|Images|Photo|Bloomberg|Handout)\b[^()]*)\)\s*$/i;
// "Global Opinions: Kazakhstan reminds Putin…": a short "Label: headline" teaser link.
const TEASER = /^[\p{Lu}][^:.!?]{0,40}:\s+\S[^.!?]*[?]?$/u;
const BIO_ROLE =
  /\b(?:contributor|columnist|writer|journalist|blogger|author|editor|reporter|correspondent|freelancer?|analyst|content creator|copywriter)\b/i;
const BIO_CUES: readonly RegExp[] = [
  /\b(?:is|was) an? (?:[\w-]+ ){0,4}(?:contributor|writer|journalist|author|editor|columnist|blogger|expert|enthusiast|specialist|professional|graduate|reporter)\b/i,
  /\b(?:passion(?:ate)?|expertise|readers?|readership|storytelling|years of experience|insightful)\b/i,
  /\b(?:he|she|they) (?:has|have|is|are|writes|write|covers|cover|holds|lives|enjoys|crafts|loves)\b/i,
  /\b(?:articles?|content|writing|crafts?|prowess)\b/i,
  /\b(?:lives in|based in|holds an? |degree in|graduated)\b/i,
];

function bioSubject(text: string): string {
  const head = /^([\p{Lu}][\p{L}\p{N}'.-]*(?:\s+[\p{Lu}][\p{L}\p{N}'.-]*){0,3})/u.exec(text);
  return head?.[1]?.replace(/[,.]$/, '') ?? '';
}

function sameAuthor(subject: string, author: string): boolean {
  const surnames = author
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 2);
  const words = subject.toLowerCase().split(/[\s-]+/);
  return surnames.some((s) => words.includes(s) || subject.toLowerCase().includes(s));
}

/**
 * Classifies a page paragraph that is not the original's text. Site chrome that any
 * page has (headlines, captions, bylines, teaser links, comment forms) is not a
 * finding; what a reposter adds to pass the text off or to sell (a contributor's
 * bio, source lines, promotion, inserted text) is.
 */
export function classifyAdded(raw: string, zone: Zone, original: OriginalMeta): Classification | null {
  const text = foldTypography(raw).trim();
  if (!/\p{L}{2}/u.test(text)) return null;
  const words = countWords(text);
  if (CREDIT.test(text) && words <= 40) return { kind: 'finding', category: 'source-credit' };
  if (BYLINE.test(text) && words <= 30) {
    return zone === 'before' ? { kind: 'chrome' } : { kind: 'finding', category: 'source-credit' };
  }
  if (words >= 12 && BIO_ROLE.test(text) && BIO_CUES.filter((cue) => cue.test(text)).length >= 2) {
    const subject = bioSubject(text);
    if (original.author && subject && !sameAuthor(subject, original.author)) {
      return {
        kind: 'finding',
        category: 'author-bio',
        note: `a bio of “${subject}”, who is not the original's author (${original.author})`,
        otherAuthor: true,
      };
    }
    return { kind: 'finding', category: 'author-bio', note: subject ? `a bio of ${subject}` : undefined };
  }
  if (COMMENT_WIDGET.test(text)) {
    return zone === 'inside' ? { kind: 'finding', category: 'comments' } : { kind: 'chrome' };
  }
  if (PROMO.test(text) && (zone === 'inside' || words >= 15)) return { kind: 'finding', category: 'promo' };
  if (CAPTION.test(text) || (TEASER.test(text) && words <= 20) || words < 12) return { kind: 'chrome' };
  if (zone === 'before') return { kind: 'chrome' };
  return { kind: 'finding', category: 'other' };
}

/** What shows, on its own, that a page republishes someone else's text. */
export function isTelling(classification: Classification): boolean {
  return (
    classification.kind === 'finding' &&
    (classification.category === 'source-credit' || classification.otherAuthor === true)
  );
}
