import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { RiskFactor } from '@internal/plugin-release-common';
import { Fragment } from 'react';
import { useReleaseLabels } from '../labels';
import { riskFactorSubjects, riskFactorValue } from './riskFactorValue';

/** `kind:namespace/name`: a subject the catalog can show. */
const isEntityRef = (subject: string) => /^[a-z]+:[^\s/]+\/\S+$/i.test(subject);

const Subjects = (props: { subjects: string[] }) => (
  <>
    {props.subjects.map((subject, index) => (
      <Fragment key={subject}>
        {index > 0 && ', '}
        {isEntityRef(subject) ? <EntityRefLink entityRef={subject} /> : subject}
      </Fragment>
    ))}
  </>
);

/**
 * The factors of a risk score, largest first: what each measured, the
 * points it adds, a bar of its share of the score, and what it is about
 * (docs/risk.md#factors).
 */
export const RiskFactorList = (props: {
  factors: RiskFactor[];
  score: number;
}) => {
  const labels = useReleaseLabels();
  const { t } = labels;
  if (props.factors.length === 0) {
    return <Typography>{t('risk.noFactors')}</Typography>;
  }
  return (
    <List aria-label={t('risk.factors')}>
      {props.factors.map(factor => {
        const name = labels.riskFactor(factor.factor);
        const subjects = riskFactorSubjects(labels, factor);
        return (
          <ListItem
            key={factor.factor}
            divider
            aria-label={name}
            style={{ display: 'block' }}
          >
            <Box display="flex" justifyContent="space-between">
              <Typography variant="subtitle2">
                {name} · {riskFactorValue(labels, factor)}
              </Typography>
              <Typography variant="subtitle2">
                {t('risk.points', { count: factor.points })}
              </Typography>
            </Box>
            <LinearProgress
              variant="determinate"
              aria-hidden
              value={
                props.score > 0
                  ? Math.min(100, (factor.points / props.score) * 100)
                  : 0
              }
            />
            {subjects.length > 0 && (
              <Typography variant="body2" component="div">
                {t('risk.subjects')}: <Subjects subjects={subjects} />
              </Typography>
            )}
          </ListItem>
        );
      })}
    </List>
  );
};
