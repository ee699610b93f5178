import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { SloReportQuery } from '../../../api';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { opsDashboardTranslationRef } from '../../../translation';

/** What the filter bar sets. */
export type SloReportFilterValues = Required<
  Pick<SloReportQuery, 'month' | 'sort' | 'order'>
> &
  Pick<SloReportQuery, 'owner' | 'system' | 'policy' | 'q' | 'groupBy'>;

/** @public */
export interface SloReportFiltersProps {
  value: SloReportFilterValues;
  onChange(value: SloReportFilterValues): void;
  /** Filters fixed by the page (a Group's or System's report): not shown. */
  fixed?: { owner?: boolean; system?: boolean };
}

const SEARCH_DELAY_MS = 300;

function useEntityOptions(kind: string, enabled: boolean) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    if (!enabled) return [];
    const { items } = await catalogApi.getEntities({
      filter: { kind },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items
      .map(e => ({
        ref: stringifyEntityRef(e),
        label: (e.metadata.title as string | undefined) ?? e.metadata.name,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi, kind, enabled]);
}

/**
 * The report's filters (owner, system, policy, month, search) and order
 * (grouping, sort key and direction).
 *
 * @public
 */
export function SloReportFilters(props: SloReportFiltersProps) {
  const { value, onChange, fixed } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatPolicy } = useSloStatusFormatters();
  const owners = useEntityOptions('Group', !fixed?.owner);
  const systems = useEntityOptions('System', !fixed?.system);
  const [search, setSearch] = useState(value.q ?? '');

  // The search asks the backend once typing pauses, not on every key.
  useEffect(() => {
    if ((value.q ?? '') === search) return undefined;
    const timer = setTimeout(
      () => onChange({ ...value, q: search || undefined }),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [search, value, onChange]);

  const set = (patch: Partial<SloReportFilterValues>) =>
    onChange({ ...value, ...patch });
  const any = '';

  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      flexWrap="wrap"
      className="slo-report-controls"
    >
      {!fixed?.owner && (
        <TextField
          select
          size="small"
          label={t('report.filters.owner')}
          value={value.owner ?? any}
          onChange={e => set({ owner: e.target.value || undefined })}
          sx={{ minWidth: 180 }}
          inputProps={{ 'data-testid': 'slo-report-owner' }}
        >
          <MenuItem value={any}>{t('report.filters.any')}</MenuItem>
          {(owners.value ?? []).map(o => (
            <MenuItem key={o.ref} value={o.ref}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      {!fixed?.system && (
        <TextField
          select
          size="small"
          label={t('report.filters.system')}
          value={value.system ?? any}
          onChange={e => set({ system: e.target.value || undefined })}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value={any}>{t('report.filters.any')}</MenuItem>
          {(systems.value ?? []).map(o => (
            <MenuItem key={o.ref} value={o.ref}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        select
        size="small"
        label={t('report.filters.policy')}
        value={value.policy ?? any}
        onChange={e =>
          set({
            policy: (e.target.value || undefined) as SloReportQuery['policy'],
          })
        }
        sx={{ minWidth: 180 }}
      >
        <MenuItem value={any}>{t('report.filters.any')}</MenuItem>
        {(['normal', 'feature-freeze', 'incident-only', 'frozen'] as const).map(
          p => (
            <MenuItem key={p} value={p}>
              {formatPolicy(p)}
            </MenuItem>
          ),
        )}
        <MenuItem value="none">{t('report.policy.none')}</MenuItem>
      </TextField>
      <TextField
        size="small"
        type="month"
        label={t('report.filters.month')}
        value={value.month}
        onChange={e => e.target.value && set({ month: e.target.value })}
        InputLabelProps={{ shrink: true }}
      />
      <TextField
        size="small"
        type="search"
        label={t('report.filters.search')}
        value={search}
        onChange={e => setSearch(e.target.value)}
        sx={{ minWidth: 220 }}
      />
      <TextField
        select
        size="small"
        label={t('report.group.label')}
        value={value.groupBy ?? any}
        onChange={e =>
          set({
            groupBy: (e.target.value || undefined) as SloReportQuery['groupBy'],
          })
        }
        sx={{ minWidth: 140 }}
      >
        <MenuItem value={any}>{t('report.group.none')}</MenuItem>
        <MenuItem value="owner">{t('report.group.owner')}</MenuItem>
        <MenuItem value="system">{t('report.group.system')}</MenuItem>
      </TextField>
      <TextField
        select
        size="small"
        label={t('report.filters.sort')}
        value={value.sort}
        onChange={e =>
          set({ sort: e.target.value as SloReportFilterValues['sort'] })
        }
        sx={{ minWidth: 160 }}
      >
        <MenuItem value="name">{t('report.filters.sortName')}</MenuItem>
        <MenuItem value="attainment">
          {t('report.filters.sortAttainment')}
        </MenuItem>
        <MenuItem value="budget">{t('report.filters.sortBudget')}</MenuItem>
      </TextField>
      <TextField
        select
        size="small"
        label=" "
        value={value.order}
        onChange={e =>
          set({ order: e.target.value as SloReportFilterValues['order'] })
        }
        sx={{ minWidth: 130 }}
      >
        <MenuItem value="asc">{t('report.filters.ascending')}</MenuItem>
        <MenuItem value="desc">{t('report.filters.descending')}</MenuItem>
      </TextField>
    </Stack>
  );
}
