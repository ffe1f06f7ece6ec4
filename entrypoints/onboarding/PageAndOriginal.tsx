import { t } from '../../src/ui/i18n';

// The one picture of the first-run page: the page read beside its original, paragraphs
// matched across, one cut, one added. Drawn in the page's colours (light and dark); its
// words come from the catalogs, and the whole says itself in one sentence to screen readers.

const LINE = 10;
const GAP = 6;

/** A paragraph drawn as lines of text, `lines` long, from `y`. */
function Paragraph({ x, y, lines, kind }: { x: number; y: number; lines: number; kind: string }) {
  return (
    <g class={`figure-${kind}`}>
      <rect x={x - 6} y={y - 4} width={172} height={lines * (LINE + GAP) + 2} rx={4} class="figure-block" />
      {Array.from({ length: lines }, (_, i) => (
        <rect key={i} x={x} y={y + i * (LINE + GAP)} width={i === lines - 1 ? 100 : 160} height={LINE} rx={2} />
      ))}
    </g>
  );
}

export function PageAndOriginal() {
  // Left: the page (paragraphs 1, 2, an added bio, 4); right: the original (1, 2, 3, 4).
  return (
    <figure class="page-and-original">
      <svg viewBox="0 0 560 280" role="img" aria-labelledby="figure-title figure-desc">
        <title id="figure-title">{t('onboarding_figure_title')}</title>
        <desc id="figure-desc">{t('onboarding_figure_desc')}</desc>
        <rect x={10} y={30} width={200} height={240} rx={8} class="figure-sheet figure-sheet-page" />
        <rect x={350} y={30} width={200} height={240} rx={8} class="figure-sheet figure-sheet-original" />
        <text x={110} y={20} text-anchor="middle" class="figure-label">
          {t('onboarding_figure_page')}
        </text>
        <text x={450} y={20} text-anchor="middle" class="figure-label">
          {t('onboarding_figure_original')}
        </text>
        <Paragraph x={30} y={50} lines={3} kind="same" />
        <Paragraph x={30} y={112} lines={2} kind="same" />
        <Paragraph x={30} y={158} lines={2} kind="added" />
        <Paragraph x={30} y={204} lines={3} kind="same" />
        <Paragraph x={370} y={50} lines={3} kind="same" />
        <Paragraph x={370} y={112} lines={2} kind="same" />
        <Paragraph x={370} y={158} lines={2} kind="missing" />
        <Paragraph x={370} y={204} lines={3} kind="same" />
        <g class="figure-links">
          <line x1={206} y1={70} x2={354} y2={70} />
          <line x1={206} y1={125} x2={354} y2={125} />
          <line x1={206} y1={225} x2={354} y2={225} />
        </g>
        <text x={280} y={185} text-anchor="middle" class="figure-note">
          {t('onboarding_figure_compared')}
        </text>
      </svg>
      <figcaption>{t('onboarding_figure_caption')}</figcaption>
    </figure>
  );
}
