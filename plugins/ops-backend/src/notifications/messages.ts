import { NotificationsConfig } from '../config/notifications';

/** Title and description of one notification. */
export interface NotificationText {
  title: string;
  description: string;
}

type Locale = NotificationsConfig['locale'];

/**
 * The texts of each transition. The notifications backend stores plain
 * text, so the backend writes it in the language of
 * `ops.notifications.locale`.
 */
export const notificationTexts = {
  sloWorse: (l: Locale, p: { slo: string; from: string; to: string }) =>
    l === 'ja'
      ? {
          title: `SLO「${p.slo}」がエラーバジェットポリシー ${p.to} に入りました`,
          description: `${p.from} から ${p.to} へ悪化しました。エラーバジェットの残りとポリシーを確認してください。`,
        }
      : {
          title: `SLO ${p.slo} entered error-budget policy ${p.to}`,
          description: `It moved from ${p.from} to ${p.to}: check the remaining error budget and what the policy asks.`,
        },
  sloRecovered: (l: Locale, p: { slo: string; from: string; to: string }) =>
    l === 'ja'
      ? {
          title: `SLO「${p.slo}」が ${p.to} に戻りました`,
          description: `エラーバジェットポリシーが ${p.from} から ${p.to} に回復しました。`,
        }
      : {
          title: `SLO ${p.slo} is back to ${p.to}`,
          description: `Its error-budget policy recovered from ${p.from} to ${p.to}.`,
        },
  burnRate: (l: Locale, p: { slo: string; factor: string }) =>
    l === 'ja'
      ? {
          title: `SLO「${p.slo}」でページ級のバーンレートアラートが発生しました`,
          description: `エラーバジェットを ${p.factor} 倍の速さで消費しています。`,
        }
      : {
          title: `Page-level burn-rate alert on SLO ${p.slo}`,
          description: `The error budget is burning at ${p.factor}× the sustainable rate or faster.`,
        },
  backupBad: (
    l: Locale,
    p: { target: string; policy: string; state: string; message?: string },
  ) =>
    l === 'ja'
      ? {
          title: `バックアップ ${p.target}（${p.policy}）が ${p.state} です`,
          description:
            p.message ?? 'RPO とバックアップの実行結果を確認してください。',
        }
      : {
          title: `Backup ${p.target} of ${p.policy} is ${p.state}`,
          description: p.message ?? 'Check the RPO and the latest backup runs.',
        },
  backupRecovered: (l: Locale, p: { target: string; policy: string }) =>
    l === 'ja'
      ? {
          title: `バックアップ ${p.target}（${p.policy}）が回復しました`,
          description: '最新のバックアップは RPO 内です。',
        }
      : {
          title: `Backup ${p.target} of ${p.policy} recovered`,
          description: 'The latest backup is within the RPO again.',
        },
  healthDown: (
    l: Locale,
    p: { entity: string; url: string; minutes: number; message?: string },
  ) =>
    l === 'ja'
      ? {
          title: `${p.entity} のヘルスエンドポイントが ${p.minutes} 分以上ダウンしています`,
          description: `${p.url}${p.message ? `: ${p.message}` : ''}`,
        }
      : {
          title: `${p.entity} health endpoint down for ${p.minutes} minutes or more`,
          description: `${p.url}${p.message ? `: ${p.message}` : ''}`,
        },
  healthRecovered: (l: Locale, p: { entity: string; url: string }) =>
    l === 'ja'
      ? {
          title: `${p.entity} のヘルスエンドポイントが復旧しました`,
          description: p.url,
        }
      : {
          title: `${p.entity} health endpoint is up again`,
          description: p.url,
        },
  runbookFinished: (
    l: Locale,
    p: { action: string; runbook: string; status: string; summary?: string },
  ) =>
    l === 'ja'
      ? {
          title: `ランブック ${p.runbook} のアクション ${p.action} が終了しました（${p.status}）`,
          description: p.summary ?? '',
        }
      : {
          title: `Runbook ${p.runbook} action ${p.action} ${p.status}`,
          description: p.summary ?? '',
        },
} satisfies Record<string, (l: Locale, p: any) => NotificationText>;
