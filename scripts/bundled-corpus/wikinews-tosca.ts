// English Wikinews 2004-2018, categories Politics_and_conflicts and Economy_and_business, from
// the R package Docma-TU/toscaData (data/politics.rda, data/economy.rda). The .rda files are
// turned into CSV once, with R (rda-to-csv.R; the command is in corpus/SOURCES.md), so this
// build needs no R. Each text is the article's wikitext with markup stripped and newlines
// turned into spaces: a paragraph break ("\n\n") survives as two or more spaces after the
// end of a sentence, while inside a paragraph sentences are one space apart. Link markup was
// removed lossily (a link became its text plus a space; some links vanished), so this cleaner
// repairs the spacing it left and drops what is clearly not prose.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import {
  DATELINE,
  chunkSentences,
  decodeEntities,
  limitParagraphs,
  oneLine,
  slugify,
  wikinewsUrl,
  wordCount,
  type SourcedOriginal,
} from './common';

export const REPO = 'Docma-TU/toscaData';
export const COMMIT = '79923805871963be01827c4f70dc51c76272c106';
export const DATASETS = ['politics', 'economy'] as const;
export const csvPath = (name: string): URL => new URL(`data/toscaData-${name}.csv`, import.meta.url);

interface Row {
  id: string;
  date: string;
  title: string;
  text: string;
}

export interface ToscaArticle extends SourcedOriginal {
  /** Why the article is dropped, or '' to keep it. */
  drop: string;
}

// Section headings after which a Wikinews page holds only links and credits.
const END_SECTIONS =
  /^(?:related|see also|sources?|external links?|references?|previous related|gallery|links|more information|further reading)/i;
// What a topic box or portal left before the story's first word (its name), seen at the start
// of three or more articles: "Economy and business The US Treasury ...", "Canada Only weeks".
const TOPIC_LEADS = [
  '2006 Israel-Lebanon conflict',
  '2007 Iranian seizure of Royal Navy personnel',
  '2008 US Presidential Election',
  '2008-09 financial crisis',
  'Australian news',
  'Canadian news',
  'Crime and law',
  'Disasters and accidents',
  'Economy and business',
  'economy and business',
  'Iran nuclear program',
  'Israel/Palestine conflict',
  'North Korea nuclear program',
  'OntarioProvincialElection2007',
  'Politics and conflicts',
  'Science and technology',
  'Sri Lanka news',
  'WikimediaMention',
  'Archive-unreviewed',
];
// Words that also start real sentences ("Health officials ..."): only before a capital.
const SHORT_LEADS = [
  '2008 financial crisis',
  'Aviation',
  'aviation',
  'Health',
  'Internet',
  'Iraq war',
  'Obituaries',
  'right',
  'left',
  ']',
];
// Country boxes do the same ("Zimbabwe Robert Mugabe, the President of Zimbabwe ..."), but a
// country name also starts real sentences ("New Zealand Prime Minister ..."): it is only
// dropped when the next word could not continue a name like that.
const COUNTRY_LEADS = [
  'Afghanistan',
  'Australia',
  'Brazil',
  'Canada',
  'China',
  'Haiti',
  'India',
  'Iran',
  'Iraq',
  'Israel',
  'Japan',
  'Netherlands',
  'New Zealand',
  'Pakistan',
  'Palestine',
  'Singapore',
  'Sri Lanka',
  'Thailand',
  'Turkey',
  'UK',
  'United Kingdom',
  'USA',
  'Zimbabwe',
];
const NAME_CONTINUATIONS = new Set(
  (
    'President Prime Minister Ministry Foreign Government Police Army Air Airlines Airways Post Senate Parliament ' +
    'Defence Defense Federal National Labour Labor Liberal Green Conservative Supreme High Court Treasury Reserve ' +
    'Bank Navy Secretary Senator Governor State Department Football Rugby Cricket First Health Premier Opposition ' +
    'Attorney Chief Deputy Finance Trade Vice Representative Independence Telecom Rail Railways Coast Marine Forces ' +
    'Special Olympic Broadcasting Television Radio Customs Immigration Securities Stock Electoral Election Human ' +
    'International Communist Socialist Party Emergency Energy Oil Press Council Commission Agency Embassy Cup Open ' +
    'War Today Times Herald Daily Standard Post Democrats Republicans Idol Inc Ltd Limited Group Company'
  ).split(' '),
);
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const TOPIC_LEAD = new RegExp(`^(?:${TOPIC_LEADS.map(escapeRe).join('|')})\\s+`);
const SHORT_LEAD = new RegExp(`^(?:${SHORT_LEADS.map(escapeRe).join('|')})\\s+(?=[\\p{Lu}\\p{N}"'(])`, 'u');
const COUNTRY_LEAD = new RegExp(`^(${COUNTRY_LEADS.map(escapeRe).join('|')})\\s+(?=([\\p{Lu}][\\p{L}.'-]*))`, 'u');
// A name run straight into a sentence opener ("Iraq The website ...") is always left over.
const OPENER_LEAD =
  /^(?:[A-Z0-9][\w.'&-]*\s+){1,4}(?=(?:The|A|An|In|On|At|After|According|Around|Several|Some|Two|Three|Yesterday|Today|Last|Following|During|Since|Despite|While|This|These|Thousands|Hundreds|It|There)\s)/;
const INFOBOX_NAMED = /^[^.!?]{0,60}?\binfobox\s+/i;

/** Drops what a topic or country box left before the story's first word. */
function dropLeadIn(p: string): string {
  let out = p.replace(INFOBOX_NAMED, '').replace(TOPIC_LEAD, '').replace(SHORT_LEAD, '');
  const country = COUNTRY_LEAD.exec(out);
  if (country && !NAME_CONTINUATIONS.has(country[2]!.replace(/[.'].*$/, ''))) out = out.slice(country[0].length);
  return out.replace(OPENER_LEAD, '');
}

/** Undoes the damage of the markup stripping inside one paragraph. */
function repairSpacing(p: string): string {
  return oneLine(p)
    .replace(/\b\w+=(?:"[^"]*"|\S*)/g, '') // template and table parameters: width="90px", infotitle=...
    .replace(/\bInfobox\w*/gi, '')
    .replace(/'{2,}|={2,}/g, '') // ''italics'' and '''bold''' marks, empty headings
    .replace(/\(\s*[,;]?\s*\)/g, '') // "()" left by a vanished link
    .replace(/([\p{L}\d]) +(['\u2019]s)\b/gu, '$1$2') // "Canada 's"
    .replace(/\b([A-Z][\p{L}]+) (n|ns|i|ese)\b(?=[\s,.;:)-])/gu, '$1$2') // "[[Syria]]n" left "Syria n"
    .replace(/(\p{L}) s(?=[\s,.;:)!?-]|$)/gu, '$1s') // "[[warhead]]s" left "warhead s"
    .replace(/\bEurope an\b/g, 'European')
    .replace(/,(?:\s*,)+/g, ',') // "Hawthorn,," where a link vanished
    .replace(/\( +/g, '(')
    .replace(/ +\)/g, ')')
    .replace(/ +([,.;:!?%])/g, '$1')
    .replace(/([,;:])(?=[\p{L}])/gu, '$1 ')
    .replace(/\$ +(?=\d)/g, '$')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Wikitext left in the string that is never article prose. */
function stripMarkup(s: string): string {
  return s
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ') // comments, also an unclosed one at the end
    .replace(/<ref[^>]*\/>|<ref[^>]*>[\s\S]*?<\/ref>/gi, ' ')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/__[A-Z]+__/g, ' ') // __NOTOC__
    .replace(/\[\[(?:File|Image|Category):[^\]]*?(?:\]\]|$)/gi, ' ')
    .replace(/\[https?:\/\/[^\s\]]*\s*([^\]]*)\]/g, '$1') // [http://x label] -> label
    .replace(/\[\[(?:[^|\]]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}

/** Splits the cleaned string at paragraph breaks, headings and list items. */
function toParagraphs(body: string): string[] {
  const paragraphs: string[] = [];
  // split() with a group keeps the heading texts, at the odd places.
  const parts = body.split(/\s={2,}\s*([^=]{1,160}?)\s*={2,}(?=\s)/);
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      if (END_SECTIONS.test(parts[i]!.trim())) break;
      continue; // other headings ("Background", "Interview") are not paragraphs
    }
    // List items (" * item", " # item") are lines of their own.
    for (const block of parts[i]!.split(/\s[*#]+\s*/)) {
      for (const para of block.split(/(?<=[.!?]['"\u201D\u2019)]*) {2,}(?=['"\u201C\u2018(]?[\p{Lu}\p{N}])/u)) {
        const p = repairSpacing(para);
        if (p !== '') paragraphs.push(p);
      }
    }
  }
  return paragraphs;
}

// A word gone between two words that cannot touch ("The  are preparing for ...", "between  and")
// shows where a link vanished with its text.
const LOST_WORD =
  /\b(?:the|a|an|of|with|by|to|and|for|in|on|from|at|between|new) {2,}(?:the|a|an|of|with|by|to|and|for|in|on|are|is|was|were|has|have|[.,;:)])/gi;

/** Is this paragraph prose (not a table row, a heading, a bare list of link texts)? */
function isProse(p: string): boolean {
  if (/[|{}]|\[\[|\]\]|::/.test(p)) return false; // tables, templates, timelines
  if (/^(?:publish|archive[\w-]*|developing|breaking)$/i.test(p) || /^Image:|\.(?:jpe?g|png|gif|svg)\b/i.test(p))
    return false;
  return wordCount(p) >= 4 && /[\p{Ll}]/u.test(p);
}

export function loadToscaWikinews(): ToscaArticle[] {
  const out: ToscaArticle[] = [];
  for (const dataset of DATASETS) {
    const csv = readFileSync(csvPath(dataset), 'utf8');
    const rows = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true }).data;
    for (const row of rows) {
      const title = oneLine(decodeEntities(row.title.replace(/<\/?title>/g, '')));
      const declared = Number(/bytes="(\d+)"/.exec(row.text)?.[1] ?? 0);
      // Entities are encoded twice in places ("&amp;mdash;"): decode twice.
      let body = decodeEntities(decodeEntities(row.text.replace(/<text[^>]*>|<\/text>/g, ' ')));
      body = ` ${stripMarkup(body)} `;
      let paragraphs = toParagraphs(body);
      // Stray words before the story: "publish" (a template name), a topic infobox's
      // name, a dateline.
      while (paragraphs.length > 0) {
        paragraphs[0] = dropLeadIn(paragraphs[0]!.replace(/^(?:publish|\*)\s*/i, '').replace(DATELINE, ''));
        if (isProse(paragraphs[0]!)) break;
        paragraphs.shift();
      }
      // Template names left at the end of a paragraph: {{haveyoursay}}, {{original reporting}}.
      paragraphs = paragraphs
        .map((p) => p.replace(/(?:\s+(?:publish|Archive-unreviewed|Haveyoursay|original reporting)|\s*=+)+$/i, ''))
        .filter(isProse);
      // A list of sources or links at the end, without its heading: lines that are not sentences.
      // After the story's last full stop, a short unfinished tail is left-over markup
      // ("publish Archive-unreviewed Category: ...", "story=...", once a vandal's word).
      while (paragraphs.length > 0) {
        const last = paragraphs[paragraphs.length - 1]!;
        const tail = /^([\s\S]*[.!?]['"\u201D\u2019)]*)\s+([^.!?]*)$/.exec(last);
        const end = tail && wordCount(tail[2]!) < 12 ? tail[1]! : last;
        paragraphs[paragraphs.length - 1] = end;
        if (paragraphs.length === 1 || /[.!?'"\u201D\u2019)]$/.test(end)) break;
        if (wordCount(end) >= 15 && !/ [-\u2013\u2014] /.test(end)) break;
        paragraphs.pop();
      }
      // No break survived: cut the run into paragraphs of whole sentences instead.
      if (paragraphs.length === 1 && wordCount(paragraphs[0]!) > 150) paragraphs = chunkSentences(paragraphs[0]!);
      paragraphs = limitParagraphs(paragraphs);
      const words = wordCount(paragraphs.join(' '));
      const kept = body.replace(/\s+/g, ' ').length;
      let drop = '';
      if (/^(?:Category|Template|User|Portal|Wikinews|Help|File|Image|Talk|[\w ]+ talk):/i.test(title))
        drop = 'not an article (namespace page)';
      else if (/^Wikinews Shorts/i.test(title)) drop = 'not an article (digest of briefs)';
      else if (!row.date) drop = 'no date';
      else if (words > 3000) drop = 'over 3,000 words (a list page)';
      else if (words < 80) drop = 'under 80 words';
      // The strings of some articles stop early ("Afghanistan * *"): the page's declared
      // size shows it. Markup removal alone keeps well over a third of the bytes.
      else if (declared > 0 && kept < declared * 0.35) drop = 'truncated in the source';
      else if ((body.match(LOST_WORD)?.length ?? 0) >= 3) drop = 'words lost in the source (3 or more gaps)';
      out.push({
        id: `wikinews-${slugify(title)}`,
        title,
        author: 'Wikinews contributors',
        publisher: 'Wikinews',
        url: wikinewsUrl(title),
        published: row.date,
        license: 'CC BY 2.5',
        text: paragraphs.join('\n\n'),
        drop,
      });
    }
  }
  return out;
}
