// What a page paragraph that is not the original's text is: pure text rules, read by the
// comparison (match/compare.ts) and named in the report's added-boilerplate finding.
import type { OriginalMeta } from '../corpus/records';
import { foldTypography } from '../text/normalize';
import { countWords } from '../text/tokens';

/** What an added paragraph is, in the report's words (report.ts re-exports it). */
export type BoilerplateCategory = 'author-bio' | 'source-credit' | 'comments' | 'promo' | 'other';

/** Where an added paragraph sits relative to the original's text on the page. */
export type Zone = 'before' | 'inside' | 'after';

/** What an added paragraph is: a finding's category, site chrome, or nothing at all. */
export type Classification =
  | {
      readonly kind: 'finding';
      readonly category: BoilerplateCategory;
      /** Whom the added bio is of, when it names them. */
      readonly bioOf?: string;
      /** A bio of someone other than the original's author: the page passes the text off. */
      readonly otherAuthor?: boolean;
      /** A credit for a picture, not for the text: on its own it says nothing about where the text came from. */
      readonly imageCredit?: boolean;
    }
  | { readonly kind: 'chrome' };

// ---------------------------------------------------------------------------
// Credit lines. Measured on real lines from real pages (tests/fixtures/boilerplate).
// ---------------------------------------------------------------------------

// Agencies and picture libraries whose name alone makes a short line a credit.
const AGENCY =
  /\b(?:AP|A\.P\.|Associated Press|Reuters|AFP|EPA|Getty(?: Images)?|Shutterstock|Bloomberg|Alamy|iStock(?:photo)?|Xinhua|Pool|Handout|UPI|PA(?: Wire)?|ANP|DPA|Anadolu|NurPhoto|SOPA Images|Corbis|Jupiterimages|Creatas|Presswire|Future Publishing)\b/;

/** Lines that credit the text itself: they say the page republishes it. */
const TEXT_CREDIT: readonly RegExp[] = [
  // "Source: Washington Post", "SOURCE: News agencies", "Sources:", "Source From: Capital", "Via The Verge".
  /^(?:sources?(?: from)?|via)\s*[:-]/i,
  /^[Vv]ia\s+\p{Lu}[^.!?]*$/u,
  // Republication notes name what they are: "Originally published on Live Science.", "This article was
  // reprinted on Wired.com.", "This story first appeared in…", "republished under a Creative Commons licence".
  /^(?:originally|first) (?:published|appeared|posted|ran)\b/i,
  /^(?:republished|reprinted|reproduced|syndicated|adapted) (?:from|with|by|under|on|in|here)\b/i,
  /^(?:this|the) (?:article|story|post|piece|column|op-?ed|interview|essay|commentary|analysis)\b.{0,60}\b(?:(?:originally|first) )?(?:published|appeared|ran|written|reproduced|republished|reprinted|adapted|provided)\b/i,
  /\b(?:originally|first) (?:published|appeared) (?:on|in|at|by)\b/i,
  /\brepublished (?:from|with|under|here|by)\b|\breprinted (?:from|with|by)\b/i,
  // Wire and syndication tags: "Provided by The Conversation", "©2019 Reuters", "Copyright 2019 The Associated Press"
  // (a year or the sign, so that prose about copyright is not taken for a notice).
  /^(?:provided by|distributed by|©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))/i,
];

/** Lines that credit a picture: "Photo: …", "(Image credit: …)", "Courtesy of …", "Alex Wong | Getty Images". */
const IMAGE_CREDIT: readonly RegExp[] = [
  // A picture word first, then what credits it: "Photo: iFixit", "Photograph by Robyn Beck/AFP/Getty Images",
  // "Image copyright Getty Images", "Main image credit: Getty", "Photo illustration by Slate".
  /^\(?(?:(?:main|top|header|featured|lead|cover) )?(?:photo(?:graph)?s?|images?|pictures?|pics?|illustrations?|artwork|photo illustration|file photo)(?: (?:credits?|copyright|source|courtesy))?\s*(?::|by\b|via\b|courtesy\b|copyright\b|credits?\b|-)/i,
  /^\(?credits?\s*(?::|\.\.\.|-|\u2026)/i,
  /^\(?courtesy\b/i,
  // "(AP Photo/Alan Diaz, File)", "AP Photo".
  /^\(?(?:AP|AFP|Reuters|EPA|UPI) (?:photo|images?)\b/i,
];

/** A short line of names joined by / | or , with an agency among them: the credit of a picture shown above it. */
function isBareImageCredit(text: string): boolean {
  const inner = text.replace(/^\((.*)\)$/, '$1').trim();
  if (!AGENCY.test(inner) || countWords(inner) > 10) return false;
  // Every part is a capitalised name, maybe with "file", "via", "for": no sentence hides in a credit.
  const parts = inner.split(/\s*(?:\/|\||,| - | via | for )\s*/i).filter(Boolean);
  return parts.every((part) =>
    /^(?:\p{Lu}[\p{L}\p{N}.'&-]*|\p{N}+|file|photo|images?|contributor|pool)(?:\s+(?:\p{Lu}[\p{L}\p{N}.'&-]*|file|photo|images?|RF|of|de|van|von|da|la))*$/u.test(
      part,
    ),
  );
}

/** What a short line credits: the text ("Source: …", "Originally published …"), a picture, or nothing. */
export function creditKind(raw: string): 'text' | 'image' | null {
  const text = foldTypography(raw).trim();
  const words = countWords(text);
  if (words === 0 || words > 40) return null;
  if (TEXT_CREDIT.some((re) => re.test(text))) return 'text';
  // Short: "Cover image: artist's impression of …" is a caption that describes, not a credit.
  if (words <= 12 && IMAGE_CREDIT.some((re) => re.test(text))) return 'image';
  if (isBareImageCredit(text)) return 'image';
  // A wire tag standing alone: "(AP)", "- Reuters", "Associated Press".
  if (
    words <= 4 &&
    /^[(\-\s]*(?:AP|Reuters|AFP|Associated Press|Agence France-Presse|PTI|IANS|ANI|Xinhua)[)\s.]*$/.test(text)
  ) {
    return 'text';
  }
  return null;
}

// ---------------------------------------------------------------------------
// Bios. A bio is a paragraph about one person's work, opening with that person.
// ---------------------------------------------------------------------------

// What a contributor is said to be. Journalism first, then the academic and trade roles
// that contributors' bios name ("an associate professor of history", "a data analyst").
const ROLE =
  '(?:writer|journalist|reporter|editor|author|co-author|contributor|correspondent|columnist|critic|blogger|' +
  'podcaster|newsletter|producer|host|presenter|photographer|photojournalist|videographer|filmmaker|' +
  'fact-checker|freelancer?|commentator|essayist|novelist|poet|screenwriter|storyteller|publisher|' +
  'professor|lecturer|instructor|teacher|educator|researcher|scholar|historian|humanist|classicist|scientist|' +
  'economist|analyst|librarian|archivist|curator|student|candidate|graduate|fellow|associate|assistant|' +
  'developer|programmer|architect|engineer|designer|strategist|consultant|specialist|expert|coordinator|' +
  'director|manager|founder|co-founder|officer|physician|doctor|lawyer|attorney|intern|member|native|veteran|' +
  'professional|enthusiast|practitioner|advocate|speaker|coach)s?';
const ROLE_RE = new RegExp(`\\b${ROLE}\\b`, 'i');

// A person's name as bios write it: "Maria José Afanador-Llach", "M. H. Beals", "Seth van Hooland",
// "Jeffrey A. Roberts", "Donald-43Westbrook", with an optional "(she/her)" or "(@handle)" after it.
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{N}'.-]*";
const NAME = `${NAME_WORD}(?:\\s+(?:${NAME_WORD}|van|von|de|del|der|da|dos|la|le|di|du|bin|al|el))*?`;
const AFTER_NAME = '(?:\\s*\\([^()]{1,60}\\))?';
// "Pulitzer Prize-winning journalist Michael Hiltzik writes", "NRO contributor Victor Davis Hanson is".
const ROLE_LEAD = `(?:(?:[\\p{L}-]+\\s+){0,3}${ROLE}\\s+)?`;

// Present tense says what the person is now, as a bio does; reporting tells what someone did.
const PRESENT_WORK =
  '(?:covers|reports on|reports for|writes about|writes for|writes on|writes a|edits|co-hosts|teaches|' +
  'investigates|manages|leads|directs|runs|studies|holds|lives|is based|specializes|focuses|works (?:in|at|for|on|with)|' +
  'has written (?:for|about|on)|has (?:covered|worked|spent|been reporting|been writing|been covering|been a journalist|lived|taught)|' +
  "has (?:an? |over |more than |nearly )?(?:\\d+ years|decades|[Mm]aster's|[Bb]achelor's|Ph\\.?D|[Dd]egree|background))";
// Other openings ("joined CPR News in 2021 as", "grew up on the West Coast") count only with more cues.
const OTHER_WORK = '(?:was|joined|came in as|grew up|began|started|spent|worked|founded|co-founded|wrote|has)';
const COPULA = "(?:is|'s|serves as|works as)";
const THIRD_PERSON_OPENING = new RegExp(
  `^(?<lead>${ROLE_LEAD})(?<name>${NAME})${AFTER_NAME}(?<appositive>,\\s+(?:a|an|the)\\s[^,]{2,90},)?\\s+` +
    `(?:(?<copula>${COPULA})\\s|(?<present>${PRESENT_WORK})\\b|(?<other>${OTHER_WORK})\\b)`,
  'u',
);
// What THIRD_PERSON_OPENING needs after the name, looked for first: a line with none of these
// verbs (a dateline, a caption) never compiles that pattern, whose first use takes about 7 ms.
const OPENING_VERB = new RegExp(`\\s(?:${COPULA}\\s|(?:${PRESENT_WORK})\\b|(?:${OTHER_WORK})\\b)`);
// Words that start a sentence with a capital but name no one: "He is a native of …", "The President has …".
const NOT_A_NAME =
  /^(?:he|she|they|it|we|you|this|that|these|those|the|there|a|an|his|her|their|its|our|mr|mrs|ms|miss|dr|sen|rep|gov|gen|president|senator|governor|general|prime|minister|professor|lieutenant|colonel|sir|lord|king|queen|pope|judge|justice|chief|officer|agent|police|columnist)\.?$/i;
// Names of bodies and places, not people: "OGE Group is an expert on light art", "Saudi Arabia is the … producer".
const ORGANISATION =
  /^(?:Group|Company|Corp\.?|Corporation|Inc\.?|Ltd\.?|LLC|Foundation|Association|Council|Party|Agency|Arabia|Republic|Kingdom|States|Union|University|Institute|Bank|News|Media|TV|Radio|Press|Times|Post|Journal|Club|Team|Studio|Studios|Labs?)$/;
// Journalism's own roles: with these a first name alone ("Zac covers Apple news") is enough.
const PRESS_ROLE =
  /\b(?:writer|journalist|journalism|reporter|editor|columnist|correspondent|contributor|blogger|photographer|photojournalist|podcaster|publisher|filmmaker)s?\b|\b(?:covers|writes for|reports (?:on|for)|has covered)\b/i;
// First-person bios: "I'm a reporter with Colorado Newsline", "Hi! I am Portia Cook, a journalist".
const FIRST_PERSON_OPENING =
  /^(?:(?:hi|hello)\b[^.!]{0,20}[.!,]\s+)?(?:[^,.]{3,60},\s+)?(?:I am|I'm|My name is|I have been|I've been|I have \d+|I have (?:a|an|over|more than)\b|I cover|I write|I report|I focus|I live|I work|I grew up|I was born|I graduated|I began|I started|I've spent|I have spent)\b/i;
// Reporting tells of events; a bio of what someone does.
const NEWS_EVENT =
  /\b(?:arrested|charged|convicted|sentenced|killed|died|injured|resigned|was nominated|appointed|elected|accused|alleged(?:ly)?|reportedly|in hiding|captors|announced|spokes(?:man|woman|person)|released|kidnapped|detained|hostage|lawsuit|verdict|campaign|reported that|stated)\b/i;
const PRONOUN = /\b(?:he|she|they|i|his|her|their|my|him|them|me|hers)\b/i;

/** Cues found in bios and rarely in reporting; each family counts once. */
const BIO_CUES: readonly RegExp[] = [
  // Where the work appears: "Her work has appeared in", "bylines in", "has written for", "previously wrote for".
  /\b(?:(?:her|his|their|my) (?:work|writing|reporting|stories|articles|journalism|works?) (?:has |have |as )?(?:also )?(?:appeared|been published|been featured|appears|often appears)|bylines? in|has (?:also )?written for|(?:previously|formerly) (?:wrote|worked|reported|covered|was)|contributes to|contributing (?:writer|editor))\b/i,
  // Beats: "covers local government", "reports on", "writes about", "specializes in".
  /\b(?:covers?|covering|reports? on|writes? about|writing about|specializ(?:es|ing) in|focus(?:es|ing)? on|beat)\b/i,
  // Where the person lives or comes from: "based in Toronto", "lives in Eagle", "a Colorado native".
  /\b(?:based in|lives in|living in|grew up in|born and raised|originally from|hometown)\b/i,
  /\b\p{Lu}\p{L}+ native\b/u,
  // Training: "holds a PhD", "graduated from", "a degree in".
  /\b(?:holds an? |Ph\.?D|doctoral|master's|bachelor's|B\.A\.|M\.S\.|MBA|degree in|graduated from|graduate of|studied)\b/i,
  // Ways to reach the person: "Follow her on Twitter", "@handle", an email address, "Contact him at".
  /\b(?:follow (?:her|him|them|me)\b|may be reached|can be reached|contact (?:her|him|them|me)\b|send tips)|@[A-Za-z0-9_]{2,}|[\w.+-]+@[\w-]+\.[\w.]+/,
  // Books and awards: "author of", "award-winning", "Pulitzer Prize".
  /\b(?:author of|(?:her|his|their|my) (?:book|books|novel|memoir)|award-winning|Pulitzer|Murrow)\b/i,
  // A career told in years: "for more than a decade", "since 2018", "over 30 years of experience".
  /\b(?:for (?:more than |over |nearly |almost |about )?(?:a|two|three|\d+) (?:decades?|years)|since (?:19|20)\d\d|\d+ years (?:of experience|in journalism))\b/i,
];

// Reporting quotes people and attributes; a bio speaks of its subject without quoting anyone.
const ATTRIBUTION = /\b(?:said|says|told|asked|according to|quoted)\b/i;

function sentences(text: string): string[] {
  // Initials and abbreviations ("M. H. Beals", "St. Louis", "U.S.") do not end a sentence.
  return text
    .split(/(?<!\b(?:\p{Lu}|St|Mr|Mrs|Ms|Dr|Jr|Sr|Prof|No|Inc|Co|Corp|vs)\.)(?<=[.!?])\s+(?=["'(]?\p{Lu})/u)
    .filter((s) => s.trim() !== '');
}

/** Whether the paragraph keeps to one person: most sentences name them or refer to them early on. */
function aboutOnePerson(all: readonly string[], name: string): boolean {
  const names = name.split(/\s+/).filter((w) => w.length > 1);
  // A line that speaks to the reader ("Learn how you can …") is the outlet's blurb: it counts for neither side.
  const told = all.filter((s) => !/\b(?:you|your)\b/i.test(s));
  const about = told.filter((s) => {
    const head = s.split(/\s+/).slice(0, 12).join(' ');
    return PRONOUN.test(head) || names.some((n) => head.includes(n));
  });
  // Half at least: a bio may go on about the person's outlet; reporting moves on to others.
  return about.length * 2 >= told.length;
}

/** The person a bio is about; null when the paragraph is not a bio. */
export function bioOf(raw: string): { subject: string } | null {
  const text = foldTypography(raw).trim();
  const words = countWords(text);
  if (words < 5 || words > 250 || ATTRIBUTION.test(text) || NEWS_EVENT.test(text)) return null;
  // Counted only when an opening needs them: most added lines open like no bio.
  let counted: number | undefined;
  const cues = (): number => (counted ??= BIO_CUES.filter((cue) => cue.test(text)).length);
  const all = sentences(text);
  const first = all[0] ?? text;

  // A contact or follow line: "Email Tariq Malik at … or follow him @tariqjmalik."
  if (
    words <= 60 &&
    /\b(?:follow (?:her|him|them|me) (?:on|@|at)|may be reached|can be reached|contact (?:her|him)\b|send tips)/i.test(
      text,
    )
  ) {
    return {
      subject: /^(?:email|follow|contact)\s+(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*)/iu.exec(text)?.[1] ?? '',
    };
  }
  const third = OPENING_VERB.test(first) ? THIRD_PERSON_OPENING.exec(first) : null;
  const g = third?.groups;
  if (third && g) {
    const name = g['name']!;
    const nameWords = name.split(/\s+/).filter((w) => !/^(?:van|von|de|del|der|da|dos|la|le|di|du|bin|al|el)$/.test(w));
    if (NOT_A_NAME.test(nameWords[0]!) || nameWords.some((w) => ORGANISATION.test(w)) || !aboutOnePerson(all, name)) {
      return null;
    }
    const after = first.slice(third.index + third[0].length);
    // The role comes soon after "is": "is an associate professor of history", not "is expected … director".
    const soon = after.split(/\s+/).slice(0, 10).join(' ');
    // An appositive counts when it names a press role ("Jane Roe, a contributor at NewsHub, is …"), not any office.
    const appositive = PRESS_ROLE.test(g['appositive'] ?? '') ? g['appositive'] : '';
    const roleText = `${g['lead'] ?? ''} ${appositive} ${g['copula'] ? soon : ''}`;
    const hasRole = ROLE_RE.test(roleText);
    const present = g['copula'] ? hasRole : g['present'] !== undefined;
    // A first name alone opens a bio only with a press role: "Julius is an LA Entertainment Reporter".
    const fullName = nameWords.length >= 2 || (g['other'] === undefined && PRESS_ROLE.test(first));
    // A past or other verb needs more: a press role ("worked in journalism") or two bio cues.
    if (fullName && (present || cues() >= 2 || (g['other'] === 'worked' && PRESS_ROLE.test(first))))
      return { subject: name };
    return null;
  }
  if (FIRST_PERSON_OPENING.test(text) && (ROLE_RE.test(text.slice(0, 200)) || cues() >= 1)) {
    if (
      cues() >= 2 ||
      /\b(?:journalis|report|writ|edit|cover|stor|news|media|radio|podcast|research|profess)/i.test(text)
    ) {
      return { subject: '' };
    }
  }
  return null;
}

function sameAuthor(subject: string, author: string): boolean {
  const surnames = author
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 2);
  const words = subject.toLowerCase().split(/[\s-]+/);
  return surnames.some((s) => words.includes(s) || subject.toLowerCase().includes(s));
}

// ---------------------------------------------------------------------------
// Everything else a page adds.
// ---------------------------------------------------------------------------

// Case matters here: "By April 9, all copies had sold" is prose, "By Jane Roe" a byline.
const BYLINE =
  /^(?:[Oo]pinion )?(?:[Bb]y|BY|[Ww]ritten by|[Aa]uthored by|[Pp]osted by)\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*\s*(?:$|[|,-]|and\b)/u;
const COMMENT_WIDGET =
  /^(?:(?:\d+|no) comments?:?|(?:post|leave|add|write|submit) a (?:comment|reply)|comments? (?:are|is) closed|reply|share(?: this(?: article| story)?)?(?: on \w+)?|your email address will not be published.*)$/i;
const PROMO =
  /\b(?:subscribe|newsletter|sign up|download (?:our|the) app|follow us|join (?:us|our)|click here|read more|also read|read also|sponsored|advertisement|telegram|whatsapp|promo code|discount|buy now|limited offer|don't miss)\b/i;
const CAPTION = /\((?:[^()]*\b(?:Getty|AP|Reuters|AFP|EPA|Images|Photo|Bloomberg|Handout)\b[^()]*)\)\s*$/i;
// "Global Opinions: Kazakhstan reminds Putin…": a short "Label: headline" teaser link.
const TEASER = /^[\p{Lu}][^:.!?]{0,40}:\s+\S[^.!?]*[?]?$/u;

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
  const credit = creditKind(text);
  if (credit === 'text') return { kind: 'finding', category: 'source-credit' };
  if (credit === 'image') return { kind: 'finding', category: 'source-credit', imageCredit: true };
  if (BYLINE.test(text) && words <= 30) {
    return zone === 'before' ? { kind: 'chrome' } : { kind: 'finding', category: 'source-credit' };
  }
  const bio = bioOf(text);
  if (bio) {
    const subject = bio.subject;
    if (original.author && subject && !sameAuthor(subject, original.author)) {
      return {
        kind: 'finding',
        category: 'author-bio',
        bioOf: subject,
        otherAuthor: true,
      };
    }
    return { kind: 'finding', category: 'author-bio', ...(subject ? { bioOf: subject } : {}) };
  }
  if (COMMENT_WIDGET.test(text)) {
    return zone === 'inside' ? { kind: 'finding', category: 'comments' } : { kind: 'chrome' };
  }
  if (PROMO.test(text) && (zone === 'inside' || words >= 15)) return { kind: 'finding', category: 'promo' };
  if (CAPTION.test(text) || (TEASER.test(text) && words <= 20) || words < 12) return { kind: 'chrome' };
  if (zone === 'before') return { kind: 'chrome' };
  return { kind: 'finding', category: 'other' };
}
