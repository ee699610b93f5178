import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import {
  changesBetween,
  type ChangeMarker,
  type SloHistoryPoint,
  type SloStatusWindow,
} from '@unyo/plugin-ops-common';
import { ReactElement, useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { burnDownData } from '../../../lib/sloStatus';
import { opsDashboardTranslationRef } from '../../../translation';
import { correctionAreas, SloCorrectionSpan } from './correctionAreas';
import { ChangeMarkerList, changeMarkerLines } from './ChangeMarkers';

/** @public */
export interface SloBurnDownChartProps {
  history: SloHistoryPoint[];
  window: SloStatusWindow;
  /** 0–1: drawn as a reference line on the SLI chart. */
  target: number;
  /**
   * Fixed size in pixels; without it the charts take the width of their
   * container (which needs a measurable layout).
   */
  width?: number;
  height?: number;
  /** Error-budget corrections, shaded over their spans. */
  corrections?: SloCorrectionSpan[];
  /** Changes of the SLO's entity: those in the plotted range are drawn. */
  markers?: ChangeMarker[];
}

function Sized(props: {
  width?: number;
  height: number;
  children: ReactElement;
}) {
  if (props.width) return props.children;
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      {props.children}
    </ResponsiveContainer>
  );
}

/**
 * The error budget remaining over the window (as %, with a 0 line and, for
 * calendar windows, the ideal line 1 − elapsed) and below it the SLI against
 * the target. A point of a rolling window is the full trailing window at
 * that time ("rolling 30d remaining at t"). Loaded lazily: it brings recharts.
 *
 * @public
 */
export function SloBurnDownChart(props: SloBurnDownChartProps) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const theme = useTheme();
  const { formatRatio, formatSli, formatTarget, formatStatusWindow } =
    useSloStatusFormatters();
  const { history, window, target, width } = props;
  const height = props.height ?? 240;
  const sliHeight = Math.max(100, Math.round(height / 2));
  const data = useMemo(() => burnDownData(history, window), [history, window]);

  const dateFormat = useMemo(() => {
    const options: Intl.DateTimeFormatOptions = {
      dateStyle: 'medium',
      timeStyle: 'short',
    };
    try {
      return new Intl.DateTimeFormat(undefined, {
        ...options,
        timeZone: window.timeZone,
      });
    } catch {
      return new Intl.DateTimeFormat(undefined, options);
    }
  }, [window.timeZone]);
  const dayFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }),
    [],
  );
  const formatTime = (time: unknown) =>
    typeof time === 'number' ? dateFormat.format(new Date(time)) : '';

  const remainingName = window.calendar
    ? t('burnDownChart.remainingCalendar', {
        window: formatStatusWindow(window),
      })
    : t('burnDownChart.remainingRolling', { window: window.duration });
  const idealName = t('burnDownChart.ideal');
  const sliName = t('burnDownChart.sliTitle');
  const times = history
    .map(point => Date.parse(point.t))
    .filter(time => !Number.isNaN(time));
  const points = times.length;
  const areas = (label?: string) =>
    correctionAreas({
      corrections: props.corrections ?? [],
      from: data.length ? data[0].time : 0,
      to: data.length ? data[data.length - 1].time : 0,
      theme,
      label,
    });
  const markers =
    points > 0
      ? changesBetween(
          props.markers ?? [],
          Math.min(...times),
          Math.max(...times),
        )
      : [];

  const xAxis = (
    <XAxis
      dataKey="time"
      type="number"
      scale="time"
      domain={['dataMin', 'dataMax']}
      tickFormatter={time => dayFormat.format(new Date(time))}
      stroke={theme.palette.text.secondary}
      fontSize={12}
    />
  );
  const tooltipStyle = {
    backgroundColor: theme.palette.background.paper,
    borderColor: theme.palette.divider,
  };
  const percentOf = (value: unknown, sli: boolean) => {
    if (typeof value !== 'number') return '—';
    return sli ? formatSli(value / 100, target) : formatRatio(value / 100);
  };

  return (
    <Box component="figure" aria-label={t('burnDownChart.title')} sx={{ m: 0 }}>
      <Sized width={width} height={height}>
        <LineChart
          data={data}
          width={width}
          height={width ? height : undefined}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          {xAxis}
          <YAxis
            unit="%"
            width={56}
            domain={[(min: number) => Math.min(0, Math.floor(min)), 100]}
            allowDataOverflow={false}
            stroke={theme.palette.text.secondary}
            fontSize={12}
          />
          <Tooltip
            labelFormatter={formatTime}
            formatter={value => percentOf(value, false)}
            contentStyle={tooltipStyle}
          />
          <Legend />
          {areas(t('corrections.chartLabel'))}
          <ReferenceLine
            y={0}
            stroke={theme.palette.error.main}
            label={{
              value: t('burnDownChart.zero'),
              position: 'insideBottomRight',
              fill: theme.palette.error.main,
              fontSize: 12,
            }}
          />
          {window.calendar && (
            <Line
              type="linear"
              dataKey="ideal"
              name={idealName}
              stroke={theme.palette.text.secondary}
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
          )}
          {changeMarkerLines(markers, theme)}
          <Line
            type="monotone"
            dataKey="remaining"
            name={remainingName}
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </Sized>
      <Sized width={width} height={sliHeight}>
        <LineChart
          data={data}
          width={width}
          height={width ? sliHeight : undefined}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          {xAxis}
          <YAxis
            unit="%"
            width={56}
            domain={['auto', 'auto']}
            stroke={theme.palette.text.secondary}
            fontSize={12}
          />
          <Tooltip
            labelFormatter={formatTime}
            formatter={value => percentOf(value, true)}
            contentStyle={tooltipStyle}
          />
          {areas()}
          <ReferenceLine
            y={target * 100}
            ifOverflow="extendDomain"
            stroke={theme.palette.warning.main}
            strokeDasharray="4 4"
            label={{
              value: t('burnDownChart.target', {
                target: formatTarget(target),
              }),
              position: 'insideTopRight',
              fill: theme.palette.text.secondary,
              fontSize: 12,
            }}
          />
          {changeMarkerLines(markers, theme)}
          <Line
            type="monotone"
            dataKey="sli"
            name={sliName}
            stroke={theme.palette.secondary.main}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </Sized>
      {points > 0 && (
        <Typography
          component="figcaption"
          variant="caption"
          color="text.secondary"
        >
          {t('burnDownChart.summary', {
            points: String(points),
            from: formatTime(Math.min(...times)),
            to: formatTime(Math.max(...times)),
          })}
        </Typography>
      )}
      <ChangeMarkerList markers={markers} formatTime={formatTime} />
    </Box>
  );
}
