import { NotificationsConfig } from '../../config/notifications';
import { NotificationText } from '../messages';
import { DigestSlo, DigestSummary } from './summariseSlos';

type Locale = NotificationsConfig['locale'];

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** `normal → feature-freeze` */
const path = (slo: DigestSlo) => slo.bands.join(' → ');

/** An SLO's name, with its owner in digests across groups. */
const name = (slo: DigestSlo, withOwner: boolean) =>
  withOwner && slo.owner ? `${slo.title} (${slo.owner})` : slo.title;

/** The fixed words of a digest in each language. */
const LABELS: Record<Locale, Record<string, string>> = {
  en: {
    moved: 'Moved band',
    noneMoved: 'No SLO moved band',
    byBand: 'SLOs by band',
    unknown: 'unknown',
    left: 'Budget left',
    burners: 'Top burners',
    noBurners: 'No SLO burned budget',
    consumed: ' consumed',
  },
  ja: {
    moved: 'ポリシーが変わった SLO',
    noneMoved: 'ポリシーが変わった SLO はありません',
    byBand: 'ポリシー別の SLO 数',
    unknown: '不明',
    left: 'エラーバジェット残り',
    burners: 'バジェット消費の多い SLO',
    noBurners: 'バジェットを消費した SLO はありません',
    consumed: ' を消費',
  },
};

/** `label: a; b`, or `none` when there is nothing to list. */
const listed = (label: string, items: string[], none: string) =>
  items.length ? `${label}: ${items.join('; ')}` : none;

/**
 * The lines of a digest: the SLOs that moved band, the budget left of each
 * (weekly; the count per band now monthly, as a month covers every group) and
 * the top burners. As in messages.ts, in the language of
 * `ops.notifications.locale`, since the notifications backend stores plain text.
 */
function lines(l: Locale, s: DigestSummary, monthly: boolean): string[] {
  const t = LABELS[l];
  const moved = s.moved.map(x => `${name(x, monthly)}: ${path(x)}`);
  const burners = s.topBurners.map(
    x => `${name(x, monthly)}: ${percent(x.consumedRatio!)}${t.consumed}`,
  );
  let budgets: string;
  if (monthly) {
    const counts = new Map<string, number>();
    for (const x of s.slos) {
      const band = x.policy ?? t.unknown;
      counts.set(band, (counts.get(band) ?? 0) + 1);
    }
    const byBand = [...counts].map(([band, n]) => `${band} ${n}`);
    budgets = `${t.byBand}: ${byBand.join(', ')}`;
  } else {
    const left = s.slos.map(
      x =>
        `${x.title} ${
          x.remainingRatio === undefined ? '-' : percent(x.remainingRatio)
        }`,
    );
    budgets = `${t.left}: ${left.join(', ')}`;
  }
  return [
    listed(t.moved, moved, t.noneMoved),
    budgets,
    listed(t.burners, burners, t.noBurners),
  ];
}

/** The texts of the weekly digest to an owning group and the monthly one to managers. */
export const digestTexts = {
  weekly: (
    l: Locale,
    p: { group: string; week: string; summary: DigestSummary },
  ): NotificationText => ({
    title:
      l === 'ja'
        ? `${p.group} の SLO 週次ダイジェスト（${p.week} の週）: ${p.summary.slos.length} 件中 ${p.summary.moved.length} 件のポリシーが変化`
        : `Weekly SLO digest of ${p.group}, week of ${p.week}: ${p.summary.moved.length} of ${p.summary.slos.length} SLOs moved band`,
    description: lines(l, p.summary, false).join('\n'),
  }),
  monthly: (
    l: Locale,
    p: { month: string; summary: DigestSummary },
  ): NotificationText => ({
    title:
      l === 'ja'
        ? `SLO 月次ダイジェスト（${p.month}）: ${p.summary.slos.length} 件中 ${p.summary.moved.length} 件のポリシーが変化`
        : `Monthly SLO digest, ${p.month}: ${p.summary.moved.length} of ${p.summary.slos.length} SLOs moved band`,
    description: lines(l, p.summary, true).join('\n'),
  }),
};
