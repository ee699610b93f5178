import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { HealthStatus } from '@unyo/plugin-ops-common';
import { Fragment } from 'react';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { ratioToPercentText } from '../../../lib/sloStatus';
import { opsDashboardTranslationRef } from '../../../translation';
import { HealthCertificate } from '../HealthCertificate';
import { HealthStatusIcon } from '../HealthStatusIcon';
import { HealthStrip } from '../HealthStrip';

function secondsSince(iso: string | null, now: number): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : Math.max(0, (now - t) / 1000);
}

function Endpoint(props: { item: HealthStatus; now: number }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatAgo, formatMinutes } = useSloStatusFormatters();
  const { item, now } = props;
  const since = secondsSince(item.since, now);
  const checked = secondsSince(item.checkedAt, now);
  const percent = (ratio: number | null) =>
    ratio === null
      ? '–'
      : t('units.percent', { value: ratioToPercentText(ratio, 2) });
  const facts = [
    item.latencyMs !== null
      ? t('health.latency', { value: String(item.latencyMs) })
      : undefined,
    since !== undefined
      ? t('health.for', { duration: formatMinutes(since / 60) })
      : undefined,
    checked !== undefined
      ? t('health.checked', { ago: formatAgo(checked) })
      : undefined,
    item.uptime['24h'] !== null || item.uptime['7d'] !== null
      ? t('health.uptime', {
          day: percent(item.uptime['24h']),
          week: percent(item.uptime['7d']),
        })
      : undefined,
  ].filter(Boolean);
  return (
    <Box component="li" sx={{ listStyle: 'none' }} aria-label={item.url}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1.5,
          flexWrap: 'wrap',
        }}
      >
        <HealthStatusIcon state={item.status} />
        <Typography
          variant="body2"
          component="code"
          sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
        >
          {item.url}
        </Typography>
      </Box>
      {facts.length > 0 && (
        <Typography variant="caption" color="text.secondary" component="p">
          {facts.join(' · ')}
        </Typography>
      )}
      {item.message && (
        <Typography
          variant="body2"
          color={item.status === 'up' ? 'text.secondary' : 'error'}
          sx={{ mt: 0.5 }}
        >
          {item.message}
        </Typography>
      )}
      {item.certificate && (
        <HealthCertificate url={item.url} certificate={item.certificate} />
      )}
      {item.checks.length > 0 && (
        <Box
          component="ul"
          aria-label={t('health.checks', { url: item.url })}
          sx={{ pl: 3, my: 0.5 }}
        >
          {item.checks.map(check => (
            <Box
              component="li"
              key={check.name}
              sx={{
                listStyle: 'none',
                display: 'flex',
                gap: 1,
                alignItems: 'center',
              }}
            >
              <HealthStatusIcon state={check.status} iconOnly />
              <Typography variant="body2" component="span">
                {check.name}
              </Typography>
              {check.detail && (
                <Typography
                  variant="caption"
                  color="text.secondary"
                  component="span"
                >
                  {check.detail}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      )}
      {item.history && item.history.length > 0 && (
        <HealthStrip url={item.url} points={item.history} />
      )}
    </Box>
  );
}

/**
 * The endpoints of one entity: status, latency, how long the status has
 * lasted, uptime, each dependency the body reports, the 24-hour strip and
 * why an endpoint is not probed or failed.
 */
export function HealthEndpointList(props: {
  items: HealthStatus[];
  /** For tests: the clock that "ago" texts count from. */
  now?: number;
}) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const now = props.now ?? Date.now();
  return (
    <Box component="ul" aria-label={t('health.endpoints')} sx={{ p: 0, m: 0 }}>
      {props.items.map((item, index) => (
        <Fragment key={item.url}>
          {index > 0 && <Divider component="li" sx={{ my: 1.5 }} />}
          <Endpoint item={item} now={now} />
        </Fragment>
      ))}
    </Box>
  );
}
