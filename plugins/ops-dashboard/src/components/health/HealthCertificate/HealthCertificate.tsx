import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { TlsCertificate } from '@unyo/plugin-ops-common';
import { opsDashboardTranslationRef } from '../../../translation';
import { HealthStatusIcon } from '../HealthStatusIcon';

const HEALTH_OF = { ok: 'up', warning: 'degraded', critical: 'down' } as const;

function dateOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString();
}

/**
 * The certificate a `tls://` endpoint presented: its state with the days
 * left, the expiry date, issuer, names, and whether the name and the chain
 * check out.
 */
export function HealthCertificate(props: {
  url: string;
  certificate: TlsCertificate;
}) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const c = props.certificate;
  const state = {
    ok: t('health.certificate.state.ok'),
    warning: t('health.certificate.state.warning'),
    critical: t('health.certificate.state.critical'),
  }[c.state];
  const days =
    c.daysLeft >= 0
      ? t('health.certificate.daysLeft', { days: String(c.daysLeft) })
      : t('health.certificate.expiredAgo', {
          days: String(-c.daysLeft - 1),
        });
  const rows: Array<[string, string]> = [
    [t('health.certificate.expires'), dateOf(c.notAfter)],
    [t('health.certificate.issuer'), c.issuer],
    [t('health.certificate.names'), c.names.join(', ') || c.subject],
    [
      t('health.certificate.name'),
      c.nameMatches
        ? t('health.certificate.nameMatches')
        : t('health.certificate.nameMismatch'),
    ],
    [
      t('health.certificate.chain'),
      c.chainVerified
        ? t('health.certificate.chainVerified')
        : t('health.certificate.chainNotVerified', {
            error: c.chainError ?? '',
          }),
    ],
  ];
  return (
    <Box
      component="section"
      aria-label={t('health.certificate.title', { url: props.url })}
      sx={{ mt: 0.5, pl: 3 }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <HealthStatusIcon state={HEALTH_OF[c.state]} iconOnly />
        <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
          {t('health.certificate.summary', { state, days })}
        </Typography>
      </Box>
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          columnGap: 1.5,
          rowGap: 0.25,
          my: 0.5,
        }}
      >
        {rows.map(([term, value]) => (
          <Box key={term} sx={{ display: 'contents' }}>
            <Typography variant="caption" component="dt" color="text.secondary">
              {term}
            </Typography>
            <Typography
              variant="caption"
              component="dd"
              sx={{ m: 0, wordBreak: 'break-all' }}
            >
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
