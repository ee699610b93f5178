import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import type { HealthHistoryPoint } from '@unyo/plugin-ops-common';
import { opsDashboardTranslationRef } from '../../../translation';
import { healthColor, useHealthStateLabel } from '../HealthStatusIcon';

/** A bucket; `probes: 0` (sent by the backend) marks one without data. */
type StripPoint = HealthHistoryPoint & { probes?: number };

const hasData = (p: StripPoint) => p.probes === undefined || p.probes > 0;

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleTimeString(undefined, {
        hour: '2-digit',
        minute: '2-digit',
      });
}

/**
 * The last 24 hours of an endpoint as a strip of coloured buckets (the
 * worst status in each), oldest on the left; hovering a bucket tells its
 * time and status, and the whole strip has a summary for screen readers.
 */
export function HealthStrip(props: { url: string; points: StripPoint[] }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const label = useHealthStateLabel();
  const { points } = props;
  const count = (state: string) =>
    String(points.filter(p => hasData(p) && p.status === state).length);
  const summary = t('health.strip', {
    url: props.url,
    up: count('up'),
    degraded: count('degraded'),
    down: count('down'),
    none: String(points.filter(p => !hasData(p)).length),
  });
  return (
    <Box
      role="img"
      aria-label={summary}
      sx={{ display: 'flex', gap: '1px', height: 14, mt: 0.5 }}
    >
      {points.map(point => {
        const data = hasData(point);
        return (
          <Box
            key={point.t}
            title={
              data
                ? t('health.stripBucket', {
                    time: timeOf(point.t),
                    state: label(point.status),
                  })
                : t('health.stripNoData', { time: timeOf(point.t) })
            }
            data-status={data ? point.status : 'none'}
            sx={{
              flex: 1,
              minWidth: 2,
              borderRadius: '1px',
              bgcolor: data ? healthColor(point.status) : 'action.hover',
            }}
          />
        );
      })}
    </Box>
  );
}
