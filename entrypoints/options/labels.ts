// The options page's words for values the pipeline names by identifier (verdicts, finding
// kinds) and its figures (bytes, dates): never shown raw. Records, so that a new verdict or
// finding cannot be left without words.
import type { FindingKind, Verdict } from '../../src/report/report';
import type { MessageKey } from '../../src/i18n/translator';
import { t, ui } from '../../src/ui/i18n';

const VERDICT_LABEL: Record<Verdict, MessageKey> = {
  repost: 'options_verdict_repost',
  rewritten: 'options_verdict_rewritten',
  original: 'options_verdict_original',
  unrelated: 'options_verdict_unrelated',
  'not-an-article': 'options_verdict_not_an_article',
  'too-large': 'options_verdict_too_large',
};

const FINDING_LABEL: Record<FindingKind, MessageKey> = {
  'missing-paragraphs': 'options_finding_missing_paragraphs',
  'added-boilerplate': 'options_finding_added_boilerplate',
  'machine-translation': 'options_finding_machine_translation',
  reworded: 'options_finding_reworded',
};

export const verdictLabel = (verdict: Verdict): string => t(VERDICT_LABEL[verdict]);
export const findingLabel = (kind: FindingKind): string => t(FINDING_LABEL[kind]);

/** A time in the reader's zone, named; "never" when there is none. */
export const when = (ms: number | null): string => (ms === null ? t('options_never') : ui.dateTime(ms));

/** A day from an ISO date (a list's publication, an original's); the text as given when it is not a date. */
export const day = (iso: string): string => (Number.isNaN(Date.parse(iso)) ? iso : ui.date(iso));

/** Bytes in the reader's digits and units: "1.4 MB", "820 kB". */
export function bytes(count: number): string {
  const [value, unit] =
    count >= 1_000_000
      ? [count / 1_000_000, 'megabyte']
      : count >= 1_000
        ? [count / 1_000, 'kilobyte']
        : [count, 'byte'];
  return ui.number(value, { style: 'unit', unit, maximumFractionDigits: unit === 'megabyte' ? 1 : 0 });
}
