import type { Theme } from '@mui/material/styles';
import type { SloCorrection } from '@unyo/plugin-ops-common';
import { ReferenceArea } from 'recharts';

/** What the chart needs of a correction. @public */
export type SloCorrectionSpan = Pick<SloCorrection, 'id' | 'start' | 'end'>;

/**
 * One shaded area per correction, clipped to the drawn time range: recharts
 * would drop an area reaching outside it. Returned as elements, not as a
 * component, because recharts only draws its own children.
 */
export function correctionAreas(options: {
  corrections: readonly SloCorrectionSpan[];
  /** The time range of the chart, ms. */
  from: number;
  to: number;
  theme: Theme;
  label?: string;
}) {
  const { corrections, from, to, theme, label } = options;
  return corrections.flatMap(c => {
    const x1 = Math.max(from, Date.parse(c.start));
    const x2 = Math.min(to, Date.parse(c.end));
    if (!(x2 > x1)) return [];
    return [
      <ReferenceArea
        key={c.id}
        className="unyo-slo-correction"
        x1={x1}
        x2={x2}
        ifOverflow="hidden"
        fill={theme.palette.info.main}
        fillOpacity={0.15}
        stroke={theme.palette.info.main}
        strokeOpacity={0.4}
        {...(label && {
          label: {
            value: label,
            position: 'insideTopLeft' as const,
            fill: theme.palette.text.secondary,
            fontSize: 11,
          },
        })}
      />,
    ];
  });
}
