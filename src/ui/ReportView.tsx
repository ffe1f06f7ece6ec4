import { evidenceText, findingText, noteText, verdictText } from './report-words';
import type { ComponentChildren } from 'preact';
import { creditParagraphs, problemFindings } from '../browser/badge';
import type { TabReport } from '../browser/protocol';
import { siteOf } from '../browser/site-switch';
import type { CreditHow } from '../credit/find-credits';
import type { MessageKey } from '../i18n/translator';
import type { Alignment } from '../match/align';
import type {
  AddedParagraph,
  BoilerplateCategory,
  Finding,
  FindingKind,
  MatchInfo,
  OriginalSource,
} from '../report/report';
import { onOriginalSite } from '../report/verdict';
import { translationConfidence, verdictCertainty, wordingInWords, type ConfidenceInWords } from './confidence';
import { n, t, ui } from './i18n';

// The popup's report, in the order a reader needs it: the verdict and how sure it is, then
// the actions (given by the popup), then the original and the findings, folded.
// Page text is untrusted: everything here is rendered as text by Preact, never as HTML.

/** Whether this browser can open a page scrolled to a quoted passage (#:~:text=). */
const textFragments = typeof document !== 'undefined' && 'fragmentDirective' in document;

type Tone = 'good' | 'bad' | 'neutral' | 'rewritten';
type Checked = Extract<TabReport, { status: 'checked' }>;

/**
 * The report for a tab. `actions` come right under the verdict, before anything long.
 * The verdict carries `data-status` (the tab's state), so that tests wait for it in any language.
 */
export function ReportView({ report, actions }: { report: TabReport | null; actions?: ComponentChildren }) {
  if (report?.status === 'checked') return <CheckedView report={report} actions={actions} />;
  const status = report?.status ?? 'none';
  const shown = ((): { title: string; body: ComponentChildren } => {
    if (!report) return { title: t('popup_nothing_title'), body: t('popup_nothing_body') };
    switch (report.status) {
      case 'checking':
        return { title: t('popup_checking_title'), body: t('popup_checking_body') };
      case 'skipped':
        return skipped(report.reason, report.url);
      case 'failed':
        return { title: t('popup_failed_title'), body: report.message };
    }
  })();
  return (
    <>
      <Verdict tone="neutral" status={status} title={shown.title} busy={report?.status === 'checking'}>
        {shown.body}
      </Verdict>
      {actions}
    </>
  );
}

function skipped(reason: Extract<TabReport, { status: 'skipped' }>['reason'], url: string) {
  switch (reason) {
    case 'too-large':
      return { title: t('popup_too_large_title'), body: t('popup_too_large_body') };
    case 'not-an-article':
      return { title: t('popup_not_article_title'), body: t('popup_not_article_body') };
    case 'site-off':
      return { title: t('popup_site_off_title'), body: t('popup_site_off_body', siteOf(url)) };
  }
}

function CheckedView({ report: tab, actions }: { report: Checked; actions?: ComponentChildren }) {
  const report = tab.analysis.report;
  const problems = problemFindings(report);
  const certainty = verdictCertainty(report, problems, !!report.match && onOriginalSite(tab.url, report.match.url));
  const verdict = (tone: Tone, title: string, body: ComponentChildren) => (
    <Verdict tone={tone} status="checked" verdict={report.verdict} title={title} certainty={certainty}>
      {body}
    </Verdict>
  );
  const head = ((): ComponentChildren => {
    switch (report.verdict) {
      case 'not-an-article':
        return verdict('neutral', t('popup_not_article_title'), verdictText(report));
      case 'too-large':
        return verdict('neutral', t('popup_too_large_title'), `${verdictText(report)} ${t('popup_too_large_leave')}`);
      case 'unrelated':
        return verdict(
          'neutral',
          t('popup_unrelated_title'),
          // A page in another language than the corpus's is told so: "no known original" would read as a clean bill.
          report.pageLanguage === undefined ? t('popup_unrelated_body') : verdictText(report),
        );
      case 'original':
        return verdict(
          'good',
          report.findings.some((f) => f.kind === 'reworded')
            ? t('popup_original_reworded_title')
            : t('popup_original_title'),
          verdictText(report),
        );
      case 'rewritten': {
        const retold = report.findings.find((f) => f.kind === 'reworded')?.retold;
        const from = report.match?.publisher || report.match?.title || t('popup_a_known_original');
        const who = report.match?.publisher || t('popup_retold_fallback');
        return verdict(
          'rewritten',
          t('popup_rewritten_title', from),
          <>
            {retold ? `${n('popup_retold', retold.of, retold.paragraphs, who)} ` : ''}
            {verdictText(report)}
          </>,
        );
      }
      case 'repost':
        return verdict('bad', n('popup_repost_title', problems.length), verdictText(report));
    }
  })();
  const credits = creditParagraphs(report);
  return (
    <>
      {head}
      {actions}
      {report.match && (
        <OriginalCard match={report.match} source={report.originalSource} alignment={tab.analysis.alignment} />
      )}
      {problems.length > 0 && (
        <section class="findings" aria-labelledby="findings-heading">
          <h2 id="findings-heading" class="findings-heading">
            {t('popup_findings_heading')}
          </h2>
          {problems.map((finding) => (
            <FindingView key={finding.kind} finding={finding} />
          ))}
        </section>
      )}
      {credits.length > 0 && <Credits credits={credits} />}
    </>
  );
}

function Verdict(props: {
  tone: Tone;
  status: string;
  verdict?: string;
  title: string;
  busy?: boolean;
  certainty?: ConfidenceInWords | null;
  children: ComponentChildren;
}) {
  const { certainty } = props;
  return (
    <section
      class={`verdict verdict-${props.tone}`}
      aria-live="polite"
      aria-busy={props.busy ? 'true' : undefined}
      data-status={props.status}
      data-verdict={props.verdict}
    >
      <h1 class="verdict-title">{props.title}</h1>
      {certainty && (
        <p class={`verdict-certainty certainty-${certainty.level}`}>
          {t('popup_certainty', t(LEVEL[certainty.level]), t(certainty.reason))}
        </p>
      )}
      <p class="verdict-message">{props.children}</p>
    </section>
  );
}

const LEVEL: Record<ConfidenceInWords['level'], MessageKey> = {
  high: 'popup_level_high',
  medium: 'popup_level_medium',
  low: 'popup_level_low',
};

/** How many of the original's paragraphs the page holds: counted from the alignment, else as a share. */
function holdsInWords(match: MatchInfo, alignment: Alignment | null): string {
  if (alignment) {
    // Every original paragraph is paired, merged or missing (moved ones are among the missing).
    const total = alignment.pairs.length + alignment.merged.length + alignment.missing.length;
    const found = alignment.pairs.length + alignment.merged.length + alignment.moved.length;
    if (total > 0 && found <= total) return n('popup_holds', total, found);
  }
  return t('popup_holds_share', ui.percent(match.coverage));
}

function OriginalCard(props: { match: MatchInfo; source?: OriginalSource | undefined; alignment: Alignment | null }) {
  const { match, source } = props;
  const by = [match.author, match.publisher, match.published].filter(Boolean).join(' · ');
  return (
    <section class="original" aria-label={t('popup_original_region')}>
      <p class="original-label">{t('popup_original_label')}</p>
      {source && <p class="original-source">{sourceLine(source)}</p>}
      <p class="original-title">{match.title}</p>
      {by && <p class="original-by">{by}</p>}
      <p class="original-stats">
        {holdsInWords(match, props.alignment)}, {t(wordingInWords(match.similarity))}.
      </p>
    </section>
  );
}

const CREDIT_HOW: Record<CreditHow, MessageKey> = {
  canonical: 'popup_credit_how_canonical',
  'og-url': 'popup_credit_how_og_url',
  'credit-line': 'popup_credit_how_credit_line',
  'json-ld-isBasedOn': 'popup_credit_how_jsonld_based',
  'json-ld-sourceOrganization': 'popup_credit_how_jsonld_org',
  'json-ld-citation': 'popup_credit_how_jsonld_citation',
};

/** Where a compared original came from and when it was fetched, in words (with the time's zone). */
export function sourceLine(source: OriginalSource): string {
  const when = source.fetchedAt ? ui.dateTime(source.fetchedAt) : '';
  if (source.kind === 'credited') {
    const from = source.url ?? t('popup_source_its_site');
    const line = when ? t('popup_source_credited_on', from, when) : t('popup_source_credited', from);
    return source.how ? `${line} ${t('popup_source_credited_how', t(CREDIT_HOW[source.how]))}` : line;
  }
  if (source.kind === 'corpus') return t('popup_source_corpus');
  if (!source.url) return t('popup_source_pasted');
  return when ? t('popup_source_given_on', source.url, when) : t('popup_source_given', source.url);
}

const FINDING_TITLE: Record<FindingKind, MessageKey> = {
  'missing-paragraphs': 'popup_finding_missing',
  'added-boilerplate': 'popup_finding_added',
  'machine-translation': 'popup_finding_mt',
  reworded: 'popup_finding_reworded',
};

const CATEGORY_LABEL: Record<BoilerplateCategory, MessageKey> = {
  'author-bio': 'popup_category_author_bio',
  'source-credit': 'popup_category_source_credit',
  comments: 'popup_category_comments',
  promo: 'popup_category_promo',
  other: 'popup_category_other',
};

function Pair(props: { page: string; original: string; originalLabel: string; why: string }) {
  return (
    <li class="pair">
      <div class="pair-columns">
        <blockquote class="pair-page">
          <span class="pair-label">{t('popup_pair_page')}</span>
          {props.page}
        </blockquote>
        <blockquote class="pair-original">
          <span class="pair-label">{props.originalLabel}</span>
          {props.original}
        </blockquote>
      </div>
      <p class="pair-why">{props.why}</p>
    </li>
  );
}

function FindingView({ finding }: { finding: Finding }) {
  switch (finding.kind) {
    case 'machine-translation': {
      const confidence = translationConfidence(finding);
      const level = t(LEVEL[confidence.level]);
      return (
        <FindingSection finding={finding} meta={t('popup_certainty_short', level)}>
          <p class="finding-confidence">
            {`${t('popup_certainty', level, t(confidence.reason))} ${t('popup_not_probability')}`}
          </p>
          <ul class="pairs">
            {finding.evidence.map((e, i) => (
              <Pair
                key={i}
                page={e.page}
                original={e.original}
                originalLabel={t('popup_pair_original')}
                why={evidenceText(e)}
              />
            ))}
          </ul>
        </FindingSection>
      );
    }
    case 'reworded':
      return (
        <FindingSection finding={finding} meta={ui.percent(finding.share)}>
          <ul class="pairs">
            {finding.paragraphs.map((p) => (
              <Pair
                key={p.index}
                page={p.page}
                original={p.original}
                originalLabel={t('popup_pair_original_at', p.index + 1)}
                why={evidenceText(p)}
              />
            ))}
          </ul>
        </FindingSection>
      );
    case 'missing-paragraphs':
      return (
        <FindingSection finding={finding} meta={ui.number(finding.paragraphs.length)}>
          <ol class="missing">
            {finding.paragraphs.map((p) => (
              <li key={p.index} value={p.index + 1}>
                <span class="missing-text">{p.text}</span>
                {p.link && (
                  <a
                    href={textFragments ? p.link : p.link.replace(/#.*$/, '')}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {textFragments ? t('popup_open_at_paragraph', p.index + 1) : t('popup_open_original')}
                  </a>
                )}
              </li>
            ))}
          </ol>
        </FindingSection>
      );
    case 'added-boilerplate':
      return (
        <FindingSection finding={finding} meta={ui.number(finding.paragraphs.length)}>
          <AddedList paragraphs={finding.paragraphs} />
        </FindingSection>
      );
  }
}

function AddedList({ paragraphs }: { paragraphs: readonly AddedParagraph[] }) {
  return (
    <ul class="added">
      {paragraphs.map((p, i) => (
        <li key={i}>
          <span class={`category category-${p.category}`}>{t(CATEGORY_LABEL[p.category])}</span>
          <span class="added-text">{p.text}</span>
          {p.note && <span class="added-note">{noteText(p)}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The page's credits: where it says its text comes from. Information, in neutral colours, never counted. */
function Credits({ credits }: { credits: readonly AddedParagraph[] }) {
  return (
    <details class="finding credits">
      <summary>
        <span class="finding-title">{t('popup_credits_title')}</span>{' '}
        <span class="finding-meta">{ui.number(credits.length)}</span>
      </summary>
      <p class="finding-summary">{t('popup_credits_note')}</p>
      <AddedList paragraphs={credits} />
    </details>
  );
}

/** One finding: folded, with its kind's title and a count or certainty in words; open, its summary and evidence. */
function FindingSection(props: { finding: Finding; meta: string; children: ComponentChildren }) {
  return (
    <details class={`finding severity-${props.finding.severity}`}>
      <summary>
        <span class="finding-title">{t(FINDING_TITLE[props.finding.kind])}</span>{' '}
        <span class="finding-meta">{props.meta}</span>
      </summary>
      <p class="finding-summary">{findingText(props.finding)}.</p>
      {props.children}
    </details>
  );
}
