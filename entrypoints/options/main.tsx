import { render } from 'preact';
import { CorpusLists } from './CorpusLists';
import { CreditedSites } from './credited-sites';
import { FollowedSites } from './FollowedSites';
import { SavedExamples } from './SavedExamples';
import { YourOriginals } from './YourOriginals';
import '../../assets/report.css';
import '../../assets/options.css';

// One section a feature, each in its own file; page text is rendered as text only.

render(
  <main class="options">
    <h1>Repost Radar</h1>
    <CorpusLists />
    <FollowedSites />
    <SavedExamples />
    <YourOriginals />
    <CreditedSites />
    <footer class="privacy">
      Everything here is kept on this computer. Repost Radar sends nothing anywhere; it only downloads the corpus lists
      you add and the sites you follow.
    </footer>
  </main>,
  document.getElementById('app')!,
);
