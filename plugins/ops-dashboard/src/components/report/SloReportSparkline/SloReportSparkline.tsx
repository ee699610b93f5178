import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useTheme } from '@mui/material/styles';
import type { SloMonthlyAttainment } from '@unyo/plugin-ops-common';
import { sliPercentText } from '../../../lib/sloStatus';
import { opsDashboardTranslationRef } from '../../../translation';

/** @public */
export interface SloReportSparklineProps {
  monthly: SloMonthlyAttainment[];
  target: number;
  width?: number;
  height?: number;
}

/**
 * Monthly attainment as a plain SVG line with the target as a dashed line;
 * months without data break the line. Plain SVG, not recharts: thousands of
 * rows, and the report page's bundle stays small.
 *
 * @public
 */
export function SloReportSparkline(props: SloReportSparklineProps) {
  const { monthly, target, width = 120, height = 28 } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const theme = useTheme();
  const values = monthly
    .map(m => m.attainment)
    .filter((v): v is number => v !== null);
  // The scale spans the values and the target, so a miss is visible.
  const low = Math.min(target, ...values);
  const high = Math.max(target, ...values);
  const span = high - low || Math.max(1 - target, 1e-6);
  const pad = 2;
  const x = (i: number) =>
    pad +
    (monthly.length > 1 ? (i * (width - 2 * pad)) / (monthly.length - 1) : 0);
  const y = (v: number) => pad + ((high - v) / span) * (height - 2 * pad);

  const segments: string[][] = [];
  let current: string[] = [];
  monthly.forEach((m, i) => {
    if (m.attainment === null) {
      if (current.length) segments.push(current);
      current = [];
    } else {
      current.push(`${x(i).toFixed(1)},${y(m.attainment).toFixed(1)}`);
    }
  });
  if (current.length) segments.push(current);

  const label = monthly.length
    ? t('report.sparkline.label', {
        from: monthly[0].month,
        to: monthly[monthly.length - 1].month,
      })
    : '';
  const detail = monthly
    .map(
      m =>
        `${m.month}: ${
          m.attainment === null
            ? t('report.sparkline.noData')
            : t('units.percent', {
                value: sliPercentText(m.attainment, target),
              })
        }${
          m.versionChanged ? ` (${t('report.sparkline.versionChanged')})` : ''
        }`,
    )
    .join('\n');

  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={label}
      data-testid="slo-report-sparkline"
    >
      <title>{`${label}\n${detail}`}</title>
      <line
        x1={pad}
        x2={width - pad}
        y1={y(target)}
        y2={y(target)}
        stroke={theme.palette.text.disabled}
        strokeDasharray="3 2"
        strokeWidth={1}
      />
      {/* A tick at each month a new SLO version (target, window, queries) started. */}
      {monthly.map((m, i) =>
        m.versionChanged ? (
          <line
            key={`v-${m.month}`}
            data-testid="slo-report-version-mark"
            x1={x(i)}
            x2={x(i)}
            y1={0}
            y2={height}
            stroke={theme.palette.warning.main}
            strokeWidth={1}
          />
        ) : null,
      )}
      {segments.map((points, i) =>
        points.length === 1 ? (
          <circle
            key={i}
            cx={points[0].split(',')[0]}
            cy={points[0].split(',')[1]}
            r={1.5}
            fill={theme.palette.primary.main}
          />
        ) : (
          <polyline
            key={i}
            points={points.join(' ')}
            fill="none"
            stroke={theme.palette.primary.main}
            strokeWidth={1.5}
          />
        ),
      )}
      {monthly.map((m, i) =>
        m.attainment !== null && m.attainment < target ? (
          <circle
            key={m.month}
            cx={x(i)}
            cy={y(m.attainment)}
            r={2}
            fill={theme.palette.error.main}
          />
        ) : null,
      )}
    </svg>
  );
}
