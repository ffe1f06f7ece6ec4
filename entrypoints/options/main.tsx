import { render } from 'preact';
import { t, useLanguage } from '../../src/ui/i18n';
import { CorpusLists } from './CorpusLists';
import { CreditedSites } from './credited-sites';
import { FollowedSites } from './FollowedSites';
import { SavedExamples } from './SavedExamples';
import { YourOriginals } from './YourOriginals';
import '../../assets/report.css';
import '../../assets/options.css';
import './page.css';

// One section a feature, each in its own file (each with an id the onboarding page links
// to: #lists, #followed, #examples, #originals, #credited); page text is rendered as text only.

useLanguage();
document.title = t('options_page_title');

render(
  <main class="options">
    <h1>{t('extName')}</h1>
    <nav class="page-links" aria-label={t('options_links_label')}>
      <a href="onboarding.html">{t('options_onboarding_link')}</a>
      <a href="privacy.html">{t('options_privacy_link')}</a>
    </nav>
    <CorpusLists />
    <FollowedSites />
    <SavedExamples />
    <YourOriginals />
    <CreditedSites />
    <footer class="privacy">{t('options_footer')}</footer>
  </main>,
  document.getElementById('app')!,
);
