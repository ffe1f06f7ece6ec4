// Neural machine translation against human translation (docs/research.md, issue 22): the
// WMT 2021 news test documents translated into English twice by people (references A and B)
// and by every submitted system. Each reference in turn is taken as the original, and the
// other translations of the same document are checked against it the way `check --original`
// does (src/check/against-original.ts). Prints, for human and machine pages, the verdicts,
// how many `original` verdicts came with the reworded finding, and how many pages got the
// machine-translation finding.
//   npx tsx scripts/wmt-neural-vs-human.ts newstest2021.ru-en.all.xml [--docs N] [--group K] [-v]
// The XML is the WMT 2021 news task's (github.com/wmt-conference/wmt21-news-systems, xml/):
// per document the source, references and systems' outputs, segment by segment. A page is the
// document's first segment as its headline, then its segments as paragraphs, K to a paragraph
// (1 by default: a news paragraph in these sets is mostly one or two sentences).
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { analyzeAgainstOriginal } from '../src/check/against-original';
import { originalFromText } from '../src/corpus/from-files';
import { articleFromText } from '../src/extract/article';
import type { Report } from '../src/report/report';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
};
const verbose = args.includes('-v');
const maxDocs = option('--docs', Infinity);
const group = option('--group', 1);
const path = args.find((a) => !a.startsWith('-'));
if (path === undefined) {
  console.error(
    'usage: npx tsx scripts/wmt-neural-vs-human.ts <newstest2021.xx-en.all.xml> [--docs N] [--group K] [-v]',
  );
  process.exit(2);
}

// linkedom's XML mode keeps the element names as written.
const xml = new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/xml');

/** A translation's text as a page: headline, blank line, paragraphs of K segments. */
function pageText(translation: Element): string {
  const segments = [...translation.querySelectorAll('seg')].map((s) => (s.textContent ?? '').trim());
  const [headline = '', ...rest] = segments;
  const paragraphs: string[] = [];
  for (let i = 0; i < rest.length; i += group) paragraphs.push(rest.slice(i, i + group).join(' '));
  return [headline, ...paragraphs].join('\n\n');
}

interface Tally {
  pages: number;
  verdicts: Map<string, number>;
  machine: number;
  originalReworded: number;
}
const tallies = new Map<string, Tally>();
const count = (who: string, report: Report): void => {
  const t = tallies.get(who) ?? { pages: 0, verdicts: new Map(), machine: 0, originalReworded: 0 };
  tallies.set(who, t);
  t.pages++;
  t.verdicts.set(report.verdict, (t.verdicts.get(report.verdict) ?? 0) + 1);
  if (report.findings.some((f) => f.kind === 'machine-translation')) t.machine++;
  if (report.verdict === 'original' && report.findings.some((f) => f.kind === 'reworded')) t.originalReworded++;
};

let docs = 0;
for (const doc of xml.querySelectorAll('doc')) {
  if (docs >= maxDocs) break;
  // Documents written in the source language (not test suites), with both human translations.
  const id = doc.getAttribute('id') ?? '';
  const refs = [...doc.querySelectorAll('ref')];
  const refA = refs.find((r) => r.getAttribute('translator') === 'A');
  const refB = refs.find((r) => r.getAttribute('translator') === 'B');
  if (id.startsWith('tsuite') || !refA || !refB) continue;
  docs++;
  for (const [name, ref, other] of [
    ['A', refA, refB],
    ['B', refB, refA],
  ] as const) {
    const original = originalFromText(id, pageText(ref));
    const check = (who: string, translation: Element): void => {
      const { report } = analyzeAgainstOriginal(articleFromText(pageText(translation)), original, { kind: 'given' });
      count(who, report);
      if (verbose)
        console.error(
          `${id} ${who} against ${name}: ${report.verdict} ${report.findings.map((f) => f.kind).join(',')}`,
        );
    };
    check('human (the other reference)', other);
    for (const hyp of doc.querySelectorAll('hyp')) check(`machine: ${hyp.getAttribute('system') ?? '?'}`, hyp);
  }
}

const VERDICTS = ['original', 'rewritten', 'repost', 'unrelated', 'not-an-article'];
const machineTotal: Tally = { pages: 0, verdicts: new Map(), machine: 0, originalReworded: 0 };
for (const [who, t] of tallies) {
  if (!who.startsWith('machine')) continue;
  machineTotal.pages += t.pages;
  machineTotal.machine += t.machine;
  machineTotal.originalReworded += t.originalReworded;
  for (const [v, n] of t.verdicts) machineTotal.verdicts.set(v, (machineTotal.verdicts.get(v) ?? 0) + n);
}
console.log(`${docs} documents, each reference in turn the original, ${group} segment(s) a paragraph`);
console.log(
  `translation | pages | ${VERDICTS.join(' | ')} | original with the reworded finding | machine-translation finding`,
);
console.log(`--- | --- | ${VERDICTS.map(() => '---').join(' | ')} | --- | ---`);
const row = (who: string, t: Tally): void =>
  console.log(
    `${who} | ${t.pages} | ${VERDICTS.map((v) => t.verdicts.get(v) ?? 0).join(' | ')} | ${t.originalReworded} | ${t.machine}`,
  );
for (const [who, t] of tallies) row(who, t);
row('machine, all systems', machineTotal);
