import Chip from '@material-ui/core/Chip';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import {
  OPEN_STATUSES,
  Portfolio,
  RELEASE_STATUSES,
  RELEASE_TYPES,
  ReleaseList,
} from '@internal/plugin-release-common';
import { useEffect, useState } from 'react';
import { DesktopFilters } from '../../hooks/useDesktopFilters';
import { useReleaseLabels } from '../labels';
import { AwaitingApprovalChip } from './AwaitingApprovalChip';

function SelectFilter(props: {
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange: (value: string) => void;
  /** Names the field's id, which stays the same in every language. */
  name: string;
}) {
  const { t } = useReleaseLabels();
  const id = `filter-${props.name}`;
  return (
    <FormControl fullWidth size="small" variant="outlined">
      <InputLabel id={id}>{props.label}</InputLabel>
      <Select
        labelId={id}
        label={props.label}
        value={props.value}
        onChange={event => props.onChange(String(event.target.value))}
      >
        <MenuItem value="">{t('common.any')}</MenuItem>
        {props.options.map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/**
 * "Awaiting my approval" and the counts per status as toggles, and the
 * desktop's other filters.
 */
export const DesktopFiltersBar = (props: {
  filters: DesktopFilters;
  counts: ReleaseList['countsByStatus'];
  /** Releases awaiting the user's approval, whatever the other filters. */
  awaitingMyApproval: number | undefined;
  portfolios: Portfolio[];
  onChange: (changes: Partial<DesktopFilters>) => void;
}) => {
  const { filters, counts, portfolios, onChange } = props;
  const labels = useReleaseLabels();
  const { t } = labels;
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  // Search as the user pauses typing, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text !== filters.q) onChange({ q: text });
    }, 400);
    return () => clearTimeout(timer);
  }, [text, filters.q, onChange]);

  const shown = filters.status.length ? filters.status : OPEN_STATUSES;
  const toggle = (status: string) => {
    const next = shown.includes(status as any)
      ? shown.filter(s => s !== status)
      : [...shown, status];
    onChange({ status: next.length ? next : [] });
  };

  return (
    <Grid container spacing={2} alignItems="center">
      <Grid item xs={12}>
        <AwaitingApprovalChip
          active={filters.awaitingApprovalBy === 'me'}
          count={props.awaitingMyApproval}
          onToggle={active =>
            onChange({ awaitingApprovalBy: active ? 'me' : '' })
          }
        />
        {RELEASE_STATUSES.map(status => (
          <Chip
            key={status}
            label={t('filters.statusCount', {
              status: labels.status(status),
              total: labels.number(counts[status] ?? 0),
            })}
            color={shown.includes(status) ? 'primary' : 'default'}
            variant={shown.includes(status) ? 'default' : 'outlined'}
            onClick={() => toggle(status)}
            style={{ marginRight: 8, marginBottom: 4 }}
            aria-pressed={shown.includes(status)}
          />
        ))}
      </Grid>
      <Grid item xs={12} md={3}>
        <TextField
          id="release-search-number-title-description"
          fullWidth
          size="small"
          variant="outlined"
          label={t('filters.search')}
          value={text}
          onChange={event => setText(event.target.value)}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <SelectFilter
          name="type"
          label={t('field.type')}
          value={filters.type}
          options={RELEASE_TYPES.map(type => [type, labels.type(type)])}
          onChange={type => onChange({ type })}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <SelectFilter
          name="priority"
          label={t('field.priority')}
          value={filters.priority}
          options={[1, 2, 3, 4, 5].map(p => [String(p), labels.priority(p)])}
          onChange={priority => onChange({ priority })}
        />
      </Grid>
      <Grid item xs={6} md={3}>
        <SelectFilter
          name="portfolio"
          label={t('field.portfolio')}
          value={filters.portfolioId}
          options={portfolios.map(p => [p.id, p.name])}
          onChange={portfolioId => onChange({ portfolioId })}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <SelectFilter
          name="show"
          label={t('filters.show')}
          value={filters.mine}
          options={[
            ['assigned', t('filters.assignedToMe')],
            ['groups', t('filters.myGroups')],
          ]}
          onChange={mine => onChange({ mine: mine as DesktopFilters['mine'] })}
        />
      </Grid>
    </Grid>
  );
};
