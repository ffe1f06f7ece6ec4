import type { CreditHow } from '../src/credit/find-credits';
import type { Finding, Report } from '../src/report/report';
import { CATEGORY_LABEL, FINDING_LABEL } from '../src/report/verdict';

const LABEL: Record<Report['verdict'], string> = {
  repost: 'REPOST',
  original: 'ORIGINAL',
  unrelated: 'NO MATCH',
  'not-an-article': 'NOT AN ARTICLE',
  'too-large': 'TOO LARGE TO CHECK',
};

/** How a page credits its source, in words. */
export const CREDIT_HOW: Record<CreditHow, string> = {
  'credit-line': 'credit line',
  'json-ld-isBasedOn': 'JSON-LD isBasedOn',
  canonical: 'canonical link',
  'og-url': 'og:url',
  'json-ld-sourceOrganization': 'JSON-LD sourceOrganization',
  'json-ld-citation': 'JSON-LD citation',
};

const quote = (text: string, width = 160): string => {
  const clipped = text.length > width ? `${text.slice(0, width - 1).trimEnd()}…` : text;
  return /^["“‘']/.test(clipped) ? clipped : `“${clipped}”`;
};

/** The report for people reading a terminal: verdict, original, findings with evidence. */
export function formatReport(report: Report, source: string): string {
  const lines = [`${source}: ${LABEL[report.verdict]}`, `  ${report.message}`];
  const { match } = report;
  if (match) {
    lines.push(
      `  original: ${match.title}${match.author ? ` by ${match.author}` : ''}${match.publisher ? `, ${match.publisher}` : ''}${match.published ? ` (${match.published})` : ''}`,
    );
    if (match.url) lines.push(`            ${match.url}`);
    lines.push(
      `  similarity ${match.similarity.toFixed(2)}, coverage ${Math.round(match.coverage * 100)}% of the original's paragraphs`,
    );
  }
  const from = report.originalSource;
  if (from && from.kind !== 'corpus') {
    const which = from.kind === 'credited' ? 'credited by the page' : 'given';
    const how = from.how ? ` (its ${CREDIT_HOW[from.how]})` : '';
    const fetched = from.url ? `: fetched from ${from.url}${from.fetchedAt ? ` at ${from.fetchedAt}` : ''}` : '';
    lines.push(`  the original was ${which}${how}${fetched}`);
  }
  for (const finding of report.findings) lines.push('', ...formatFinding(finding));
  return lines.join('\n');
}

function formatFinding(finding: Finding): string[] {
  const { title } = FINDING_LABEL[finding.kind];
  switch (finding.kind) {
    case 'machine-translation':
      return [
        `  ✗ ${title} (confidence ${finding.confidence.toFixed(2)}, ${finding.severity}): ${finding.summary}`,
        ...finding.evidence.flatMap((e) => [
          `      page:     ${quote(e.page, Infinity)}`,
          `      original: ${quote(e.original, Infinity)}`,
          `      why:      ${e.why}`,
          '',
        ]),
      ];
    case 'reworded':
      return [
        `  ~ ${title} (${finding.severity}): ${finding.summary}`,
        ...finding.paragraphs.flatMap((p) => [
          `      #${p.index + 1} page:     ${quote(p.page, Infinity)}`,
          `         original: ${quote(p.original, Infinity)}`,
          '',
        ]),
      ];
    case 'missing-paragraphs':
      return [
        `  ✗ ${title} (${finding.severity}): ${finding.summary}`,
        ...finding.paragraphs.map((p) => `      #${p.index + 1} ${quote(p.text, 240)}`),
      ];
    case 'added-boilerplate':
      return [
        `  ✗ ${title} (${finding.severity}): ${finding.summary}`,
        ...finding.paragraphs.map(
          (p) => `      [${CATEGORY_LABEL[p.category]}] ${quote(p.text, 120)}${p.note ? ` (${p.note})` : ''}`,
        ),
      ];
  }
}
