import type { TabReport } from './protocol';

export interface Badge {
  readonly text: string;
  readonly color: string;
  readonly title: string;
}

/**
 * The toolbar badge for a tab: nothing for pages that are not reposts of anything
 * known, a check mark for the original, "≈" for a page rewritten from one (in its own
 * colour: not the original's text, and not accused of a repost's faults), a warning mark
 * with the number of findings.
 */
export function badgeFor(report: TabReport | null): Badge {
  const none = { text: '', color: '#5f6368', title: 'Repost Radar' };
  if (!report) return none;
  switch (report.status) {
    case 'checking':
      return { text: '…', color: '#5f6368', title: 'Repost Radar: checking this page' };
    case 'skipped':
      return {
        ...none,
        title: report.reason === 'too-large' ? 'Repost Radar: page too large to check' : 'Repost Radar: not an article',
      };
    case 'failed':
      return { ...none, title: `Repost Radar: could not check this page (${report.message})` };
    case 'checked': {
      const { report: r } = report.analysis;
      if (r.verdict === 'repost') {
        return { text: `!${r.findings.length}`, color: '#c5221f', title: `Repost Radar: ${r.message}` };
      }
      if (r.verdict === 'rewritten') return { text: '≈', color: '#7627bb', title: `Repost Radar: ${r.message}` };
      if (r.verdict === 'original') return { text: '✓', color: '#188038', title: `Repost Radar: ${r.message}` };
      // Said on the badge too: the reader should not take silence for "nothing found".
      if (r.verdict === 'too-large') return { text: '–', color: '#5f6368', title: `Repost Radar: ${r.message}` };
      return { ...none, title: `Repost Radar: ${r.message}` };
    }
  }
}
