import { render } from 'preact';
import coverage from '../../assets/corpus-coverage.json';
import type { PublisherCoverage } from '../../src/corpus/coverage';
import { n, t, ui, useLanguage } from '../../src/ui/i18n';
import { PageAndOriginal } from './PageAndOriginal';
import '../../assets/report.css';
import '../../assets/onboarding.css';

// The first-run page, opened once on install (src/browser/first-run.ts) and linked from the
// options page: what Repost Radar checks, what it holds, how to give it more, and what it
// sends. The bundled corpus's coverage is computed when the corpus is built
// (scripts/corpus-coverage.ts), so this page needs no message to the background.

useLanguage();
document.title = t('onboarding_page_title');

/** Years as written, not as numbers ("2004", never "2.004"). */
function years({ from, to }: PublisherCoverage): string | null {
  if (from === null || to === null) return null;
  return from === to ? String(from) : t('onboarding_years', String(from), String(to));
}

function Coverage() {
  return (
    <ul class="coverage" data-testid="coverage">
      {coverage.publishers.map((publisher) => {
        const span = years(publisher);
        const articles = n('onboarding_articles', publisher.originals);
        return (
          <li key={publisher.publisher} data-publisher={publisher.publisher}>
            {span === null
              ? t('onboarding_corpus_publisher', publisher.publisher, articles)
              : t('onboarding_corpus_publisher_years', publisher.publisher, span, articles)}
          </li>
        );
      })}
    </ul>
  );
}

/** The ways to give Repost Radar more originals, each with the options page's section. */
const MORE = [
  { section: 'lists', title: 'onboarding_more_lists_title', body: 'onboarding_more_lists_body' },
  { section: 'credited', title: 'onboarding_more_credited_title', body: 'onboarding_more_credited_body' },
  { section: 'followed', title: 'onboarding_more_followed_title', body: 'onboarding_more_followed_body' },
  { section: 'originals', title: 'onboarding_more_yours_title', body: 'onboarding_more_yours_body' },
] as const;

render(
  <main class="onboarding">
    <h1>{t('onboarding_title')}</h1>
    <p class="lead">{t('onboarding_lead')}</p>

    <section aria-labelledby="how-title">
      <h2 id="how-title">{t('onboarding_how_title')}</h2>
      <p>{t('onboarding_how_read')}</p>
      <PageAndOriginal />
      <p>{t('onboarding_how_compare')}</p>
      <p>{t('onboarding_how_badge')}</p>
    </section>

    <section aria-labelledby="corpus-title">
      <h2 id="corpus-title">{t('onboarding_corpus_title')}</h2>
      <p>{t('onboarding_corpus_intro', ui.number(coverage.originals))}</p>
      <Coverage />
      <p>{t('onboarding_corpus_limit')}</p>
    </section>

    <section aria-labelledby="more-title">
      <h2 id="more-title">{t('onboarding_more_title')}</h2>
      <ul class="more">
        {MORE.map(({ section, title, body }) => (
          <li key={section}>
            <a href={`options.html#${section}`}>{t(title)}</a>
            <p>{t(body)}</p>
          </li>
        ))}
      </ul>
    </section>

    <section aria-labelledby="sends-title">
      <h2 id="sends-title">{t('onboarding_sends_title')}</h2>
      <p>{t('onboarding_sends_nothing')}</p>
      <p>{t('onboarding_sends_asked')}</p>
      <p>
        <a href="privacy.html">{t('onboarding_privacy_link')}</a>
      </p>
    </section>

    <footer class="page-footer">
      <a href="options.html">{t('onboarding_options_link')}</a>
    </footer>
  </main>,
  document.getElementById('app')!,
);
