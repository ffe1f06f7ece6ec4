import { render } from 'preact';
import { t, useLanguage } from '../../src/ui/i18n';
import '../../assets/report.css';
import '../../assets/onboarding.css';

// The privacy page the store listings link to (in English at docs/privacy.md, the public
// address): what is kept on this computer, what is downloaded and only when asked, what is
// sent (nothing). Keep the two in step.

useLanguage();
document.title = t('privacy_page_title');

const KEPT = [
  'privacy_kept_reports',
  'privacy_kept_examples',
  'privacy_kept_originals',
  'privacy_kept_lists',
  'privacy_kept_followed',
  'privacy_kept_settings',
] as const;

const FETCHED = [
  'privacy_fetched_lists',
  'privacy_fetched_followed',
  'privacy_fetched_credited',
  'privacy_fetched_address',
] as const;

render(
  <main class="onboarding privacy-page">
    <h1>{t('privacy_title')}</h1>
    <p class="lead">{t('privacy_summary')}</p>

    <section aria-labelledby="read-title">
      <h2 id="read-title">{t('privacy_read_title')}</h2>
      <p>{t('privacy_read_body')}</p>
    </section>

    <section aria-labelledby="kept-title">
      <h2 id="kept-title">{t('privacy_kept_title')}</h2>
      <ul>
        {KEPT.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p>{t('privacy_kept_remove')}</p>
    </section>

    <section aria-labelledby="fetched-title">
      <h2 id="fetched-title">{t('privacy_fetched_title')}</h2>
      <p>{t('privacy_fetched_intro')}</p>
      <ul>
        {FETCHED.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p>{t('privacy_fetched_permission')}</p>
    </section>

    <section aria-labelledby="sent-title">
      <h2 id="sent-title">{t('privacy_sent_title')}</h2>
      <p>{t('privacy_sent_body')}</p>
    </section>

    <footer class="page-footer">
      <a href="onboarding.html">{t('privacy_onboarding_link')}</a>
      <a href="options.html">{t('onboarding_options_link')}</a>
    </footer>
  </main>,
  document.getElementById('app')!,
);
