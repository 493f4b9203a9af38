import { Link, MarkdownContent } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { overdueBy, ReleaseDetails } from '@internal/plugin-release-common';
import { ReactNode } from 'react';
import { portfolioRouteRef } from '../../routes';
import {
  formatDateTime,
  formatLateness,
  formatWindow,
  priorityLabels,
} from '../labels';

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
  return (
    <Grid container spacing={2}>
      <Field label="Type">{release.type}</Field>
      <Field label="Priority">
        {`${priorityLabels[release.priority]} (impact ${
          release.impact
        }, urgency ${release.urgency})`}
      </Field>
      <Field label="Risk">{release.risk}</Field>
      <Field label="Requester">
        <Ref entityRef={release.requester} />
      </Field>
      <Field label="Manager">
        <Ref entityRef={release.manager} />
      </Field>
      <Field label="Executor group">
        <Ref entityRef={release.executorGroup} />
      </Field>
      <Field label="Portfolio">
        {release.portfolioId && props.portfolioName && (
          <Link to={portfolioLink({ id: release.portfolioId })}>
            {props.portfolioName}
          </Link>
        )}
      </Field>
      <Field label="Version">{release.versionLabel}</Field>
      <Field label="Planned window">
        {formatWindow(release.plannedStart, release.plannedEnd)}
        {late !== null && (
          <Typography color="error" variant="body2">
            Overdue by {formatLateness(late)}
          </Typography>
        )}
      </Field>
      <Field label="Actual start">{formatDateTime(release.actualStart)}</Field>
      <Field label="Actual end">{formatDateTime(release.actualEnd)}</Field>
      <Field label="Outcome">
        {release.outcome
          ? `${release.outcome}${
              release.closureNotes ? ` — ${release.closureNotes}` : ''
            }`
          : null}
      </Field>
      <Field label="Reworks / reopenings">{`${release.reworkCount} / ${release.reopenCount}`}</Field>
      <Field label="Registered">{formatDateTime(release.createdAt)}</Field>
      <Field label="Version of this record">{String(release.version)}</Field>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary" display="block">
          Business justification
        </Typography>
        <Typography>{release.businessJustification ?? '—'}</Typography>
      </Grid>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary" display="block">
          Description
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
