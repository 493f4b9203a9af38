import { Link, MarkdownContent } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { overdueBy, ReleaseDetails } from '@internal/plugin-release-common';
import { ReactNode } from 'react';
import { portfolioRouteRef } from '../../routes';
import { useReleaseLabels } from '../labels';

const Field = (props: { label: string; children: ReactNode }) => (
  <Grid item xs={12} sm={6} md={4}>
    <Typography variant="caption" color="textSecondary" display="block">
      {props.label}
    </Typography>
    <Typography component="div">{props.children || '—'}</Typography>
  </Grid>
);

const Ref = (props: { entityRef: string | null }) =>
  props.entityRef ? <EntityRefLink entityRef={props.entityRef} /> : null;

/** The release record (docs/fields.md#the-release). */
export const OverviewPanel = (props: {
  release: ReleaseDetails;
  portfolioName?: string;
}) => {
  const { release } = props;
  const portfolioLink = useRouteRef(portfolioRouteRef);
  const late = overdueBy(release, new Date());
  const labels = useReleaseLabels();
  const { t } = labels;
  return (
    <Grid container spacing={2}>
      <Field label={t('field.type')}>{labels.type(release.type)}</Field>
      <Field label={t('field.priority')}>
        {t('overview.priorityDetail', {
          priority: labels.priority(release.priority),
          impact: labels.level(release.impact),
          urgency: labels.level(release.urgency),
        })}
      </Field>
      <Field label={t('field.risk')}>{labels.level(release.risk)}</Field>
      <Field label={t('field.requester')}>
        <Ref entityRef={release.requester} />
      </Field>
      <Field label={t('field.manager')}>
        <Ref entityRef={release.manager} />
      </Field>
      <Field label={t('field.executorGroup')}>
        <Ref entityRef={release.executorGroup} />
      </Field>
      <Field label={t('field.portfolio')}>
        {release.portfolioId && props.portfolioName && (
          <Link to={portfolioLink({ id: release.portfolioId })}>
            {props.portfolioName}
          </Link>
        )}
      </Field>
      <Field label={t('field.version')}>{release.versionLabel}</Field>
      <Field label={t('field.plannedWindow')}>
        {labels.window(release.plannedStart, release.plannedEnd)}
        {late !== null && (
          <Typography color="error" variant="body2">
            {t('common.overdueByTitle', { lateness: labels.duration(late) })}
          </Typography>
        )}
      </Field>
      <Field label={t('field.actualStart')}>
        {labels.dateTime(release.actualStart)}
      </Field>
      <Field label={t('field.actualEnd')}>
        {labels.dateTime(release.actualEnd)}
      </Field>
      <Field label={t('field.outcome')}>
        {release.outcome && release.closureNotes
          ? t('overview.outcomeWithNotes', {
              outcome: labels.outcome(release.outcome),
              notes: release.closureNotes,
            })
          : release.outcome && labels.outcome(release.outcome)}
      </Field>
      <Field label={t('field.reworksReopenings')}>
        {`${release.reworkCount} / ${release.reopenCount}`}
      </Field>
      <Field label={t('field.testEvidenceUrl')}>
        {release.testEvidenceUrl && (
          <Link to={release.testEvidenceUrl}>{release.testEvidenceUrl}</Link>
        )}
      </Field>
      <Field label={t('field.registered')}>
        {labels.dateTime(release.createdAt)}
      </Field>
      <Field label={t('field.recordVersion')}>{String(release.version)}</Field>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary" display="block">
          {t('field.businessJustification')}
        </Typography>
        <Typography>{release.businessJustification ?? '—'}</Typography>
      </Grid>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary" display="block">
          {t('field.backoutPlan')}
        </Typography>
        <Typography style={{ whiteSpace: 'pre-line' }}>
          {release.backoutPlan ?? '—'}
        </Typography>
      </Grid>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary" display="block">
          {t('field.description')}
        </Typography>
        {release.description ? (
          <MarkdownContent content={release.description} />
        ) : (
          '—'
        )}
      </Grid>
    </Grid>
  );
};
