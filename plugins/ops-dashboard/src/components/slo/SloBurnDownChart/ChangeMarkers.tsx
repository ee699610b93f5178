import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Theme, useTheme } from '@mui/material/styles';
import type { ChangeKind, ChangeMarker } from '@unyo/plugin-ops-common';
import { ReferenceLine } from 'recharts';
import { opsDashboardTranslationRef } from '../../../translation';

/** One colour per kind, so a deploy reads apart from a flag flip. */
export function changeColor(theme: Theme, kind: ChangeKind): string {
  switch (kind) {
    case 'config':
      return theme.palette.warning.main;
    case 'flag':
      return theme.palette.success.main;
    default:
      return theme.palette.info.main;
  }
}

/**
 * Vertical lines at the changes' instants, as children of a recharts chart
 * (recharts reads its children's types, so a function, not a component).
 */
export function changeMarkerLines(markers: ChangeMarker[], theme: Theme) {
  return markers.map(marker => (
    <ReferenceLine
      key={marker.id}
      x={Date.parse(marker.at)}
      className={`unyo-change-marker unyo-change-marker-${marker.kind}`}
      stroke={changeColor(theme, marker.kind)}
      strokeDasharray="2 3"
      strokeWidth={1.5}
      ifOverflow="hidden"
    />
  ));
}

/** The changes the lines stand for, in words, with their links. */
export function ChangeMarkerList(props: {
  markers: ChangeMarker[];
  formatTime: (time: number) => string;
}) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const theme = useTheme();
  if (props.markers.length === 0) return null;
  return (
    <Box
      component="ul"
      aria-label={t('changes.listLabel')}
      sx={{ m: 0, mt: 0.5, p: 0, listStyle: 'none' }}
    >
      {props.markers.map(marker => {
        const text = t('changes.markerAt', {
          kind: t(`changes.kind.${marker.kind}`),
          time: props.formatTime(Date.parse(marker.at)),
          title: marker.title,
        });
        return (
          <Typography
            key={marker.id}
            component="li"
            variant="caption"
            sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}
          >
            <Box
              component="span"
              aria-hidden
              sx={{
                width: 10,
                height: 2,
                flexShrink: 0,
                backgroundColor: changeColor(theme, marker.kind),
              }}
            />
            {marker.url ? <Link to={marker.url}>{text}</Link> : text}
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {t('changes.by', { who: marker.createdBy })}
            </Box>
          </Typography>
        );
      })}
    </Box>
  );
}
