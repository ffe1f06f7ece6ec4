import type { TabReport } from '../browser/protocol';
import type { CreditHow } from '../credit/find-credits';
import type { Finding, MatchInfo, OriginalSource, Report } from '../report/report';
import { CATEGORY_LABEL, FINDING_LABEL } from '../report/verdict';
import { plural } from '../text/plural';
import { translationConfidence } from './confidence';

// Page text is untrusted: everything here is rendered as text by Preact, never as HTML.

/** Whether this browser can open a page scrolled to a quoted passage (#:~:text=). */
const textFragments = typeof document !== 'undefined' && 'fragmentDirective' in document;

export function ReportView({ report }: { report: TabReport | null }) {
  if (!report) {
    return (
      <Verdict tone="neutral" title="Nothing checked on this page">
        Repost Radar checks web pages (http and https) when they load. Reload the page to check it.
      </Verdict>
    );
  }
  switch (report.status) {
    case 'checking':
      return (
        <Verdict tone="neutral" title="Checking this page…" busy>
          Comparing the article with the known originals, on this computer.
        </Verdict>
      );
    case 'skipped':
      return (
        <Verdict tone="neutral" title={report.reason === 'too-large' ? 'Too large to check' : 'Not an article'}>
          {report.reason === 'too-large'
            ? 'This page is too large for Repost Radar to check.'
            : 'This page does not look like a news or opinion article, so there is nothing to compare.'}
        </Verdict>
      );
    case 'failed':
      return (
        <Verdict tone="neutral" title="Could not check this page">
          {report.message}
        </Verdict>
      );
    case 'checked':
      return <CheckedView report={report.analysis.report} />;
  }
}

function CheckedView({ report }: { report: Report }) {
  switch (report.verdict) {
    case 'not-an-article':
      return (
        <Verdict tone="neutral" title="Not an article">
          {report.message}
        </Verdict>
      );
    case 'too-large':
      return (
        <Verdict tone="neutral" title="Too large to check">
          {report.message} Repost Radar leaves such pages alone, so that checking them cannot slow down your browser.
        </Verdict>
      );
    case 'unrelated':
      return (
        <Verdict tone="neutral" title="No known original">
          This page does not match any of the originals Repost Radar knows. That is not a verdict on the page: the
          corpus of originals is small.
        </Verdict>
      );
    case 'original':
      return (
        <Matched report={report}>
          <Verdict
            tone="good"
            title={
              report.findings.some((f) => f.kind === 'reworded') ? 'Original text, in other words' : 'Original text'
            }
          >
            {report.message}
          </Verdict>
        </Matched>
      );
    case 'rewritten': {
      const retold = report.findings.find((f) => f.kind === 'reworded')?.retold;
      return (
        <Matched report={report}>
          <Verdict
            tone="rewritten"
            title={`Rewritten from ${report.match?.publisher || report.match?.title || 'a known original'}`}
          >
            {retold
              ? `${retold.paragraphs} of its ${plural(retold.of, 'paragraph')} retell ${report.match?.publisher || 'the original'}'s paragraphs in other words. `
              : ''}
            {report.message}
          </Verdict>
        </Matched>
      );
    }
    case 'repost':
      return (
        <Matched report={report}>
          <Verdict tone="bad" title={`Repost — ${plural(report.findings.length, 'problem')} found`}>
            {report.message}
          </Verdict>
        </Matched>
      );
  }
}

/** A verdict on a page with a known original: the verdict, then the original, then each finding. */
function Matched(props: { report: Report; children: preact.ComponentChildren }) {
  const { report } = props;
  return (
    <>
      {props.children}
      {report.match && <OriginalCard match={report.match} source={report.originalSource} />}
      {report.findings.map((finding) => (
        <FindingView key={finding.kind} finding={finding} />
      ))}
    </>
  );
}

function Verdict(props: {
  tone: 'good' | 'bad' | 'neutral' | 'rewritten';
  title: string;
  busy?: boolean;
  children: preact.ComponentChildren;
}) {
  return (
    <section class={`verdict verdict-${props.tone}`} aria-live="polite" aria-busy={props.busy ? 'true' : undefined}>
      <h1 class="verdict-title">{props.title}</h1>
      <p class="verdict-message">{props.children}</p>
    </section>
  );
}

function OriginalCard({ match, source }: { match: MatchInfo; source?: OriginalSource | undefined }) {
  const by = [match.author, match.publisher, match.published].filter(Boolean).join(' · ');
  return (
    <section class="original" aria-label="The original">
      <p class="original-label">Original</p>
      {source && <p class="original-source">{sourceLine(source)}</p>}
      <p class="original-title">{match.title}</p>
      {by && <p class="original-by">{by}</p>}
      <p class="original-stats">
        {Math.round(match.coverage * 100)}% of its paragraphs are on this page · similarity{' '}
        {match.similarity.toFixed(2)}
      </p>
      {match.url && (
        <a class="button" href={match.url} target="_blank" rel="noopener noreferrer">
          Open the original
        </a>
      )}
    </section>
  );
}

const CREDIT_HOW: Record<CreditHow, string> = {
  canonical: 'its canonical link',
  'og-url': 'its og:url',
  'credit-line': 'a credit line',
  'json-ld-isBasedOn': 'its JSON-LD (isBasedOn)',
  'json-ld-sourceOrganization': 'its JSON-LD (sourceOrganization)',
  'json-ld-citation': 'its JSON-LD (citation)',
};

/** Where a compared original came from and when it was fetched, in words. */
export function sourceLine(source: OriginalSource): string {
  const when = source.fetchedAt ? ` on ${source.fetchedAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  if (source.kind === 'credited') {
    const how = source.how ? ` (credited by ${CREDIT_HOW[source.how]})` : '';
    return `The page's credited source, fetched from ${source.url ?? 'its site'}${when}${how}.`;
  }
  if (source.kind === 'corpus') return 'From the corpus of originals.';
  return source.url ? `The article you gave, fetched from ${source.url}${when}.` : 'The text you pasted.';
}

function FindingView({ finding }: { finding: Finding }) {
  switch (finding.kind) {
    case 'machine-translation': {
      const confidence = translationConfidence(finding);
      return (
        <FindingSection finding={finding} meta={`${confidence.level} confidence`}>
          <p class="finding-confidence">
            {`${confidence.level[0]!.toUpperCase()}${confidence.level.slice(1)} confidence: ${confidence.reason}. `}
            It rates how much evidence the page shows; it is not a probability.
          </p>
          <ul class="pairs">
            {finding.evidence.map((e, i) => (
              <li key={i} class="pair">
                <div class="pair-columns">
                  <blockquote class="pair-page">
                    <span class="pair-label">This page</span>
                    {e.page}
                  </blockquote>
                  <blockquote class="pair-original">
                    <span class="pair-label">Original</span>
                    {e.original}
                  </blockquote>
                </div>
                <p class="pair-why">{e.why}</p>
              </li>
            ))}
          </ul>
        </FindingSection>
      );
    }
    case 'reworded':
      return (
        <FindingSection finding={finding} meta={`${Math.round(finding.share * 100)}%`}>
          <ul class="pairs">
            {finding.paragraphs.map((p) => (
              <li key={p.index} class="pair">
                <div class="pair-columns">
                  <blockquote class="pair-page">
                    <span class="pair-label">This page</span>
                    {p.page}
                  </blockquote>
                  <blockquote class="pair-original">
                    <span class="pair-label">Original, paragraph {p.index + 1}</span>
                    {p.original}
                  </blockquote>
                </div>
                <p class="pair-why">{p.why}</p>
              </li>
            ))}
          </ul>
        </FindingSection>
      );
    case 'missing-paragraphs':
      return (
        <FindingSection finding={finding} meta={String(finding.paragraphs.length)}>
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
                    {textFragments ? `Open the original at paragraph ${p.index + 1}` : 'Open the original'}
                  </a>
                )}
              </li>
            ))}
          </ol>
        </FindingSection>
      );
    case 'added-boilerplate':
      return (
        <FindingSection finding={finding} meta={String(finding.paragraphs.length)}>
          <ul class="added">
            {finding.paragraphs.map((p, i) => (
              <li key={i}>
                <span class={`category category-${p.category}`}>{CATEGORY_LABEL[p.category]}</span>
                <span class="added-text">{p.text}</span>
                {p.note && <span class="added-note">{p.note}</span>}
              </li>
            ))}
          </ul>
        </FindingSection>
      );
  }
}

/** One finding: a foldable section with its kind's title, a count or confidence in words, and its summary. */
function FindingSection(props: { finding: Finding; meta: string; children: preact.ComponentChildren }) {
  return (
    <details class={`finding severity-${props.finding.severity}`} open>
      <summary>
        <span class="finding-title">{FINDING_LABEL[props.finding.kind].title}</span>
        <span class="finding-meta">{props.meta}</span>
      </summary>
      <p class="finding-summary">{props.finding.summary}.</p>
      {props.children}
    </details>
  );
}
