import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Level, ReleaseDetails } from '@internal/plugin-release-common';
import { ReactNode, useState } from 'react';
import { useReleaseLabels } from '../labels';
import { RiskFactorList } from './RiskFactorList';
import { SetRiskDialog } from './SetRiskDialog';

const levelColors: Record<Level, string> = {
  low: '#2e7d32',
  medium: '#ef6c00',
  high: '#c62828',
};

const Field = (props: { label: string; children: ReactNode }) => (
  <Grid item xs={6} md={3}>
    <Typography variant="caption" color="textSecondary" display="block">
      {props.label}
    </Typography>
    <Typography component="div">{props.children}</Typography>
  </Grid>
);

/**
 * The explained risk assessment: the score, the level it suggests against
 * the release's level, the factors behind it and a manager's override
 * (docs/risk.md). "Set risk" for a caller who may edit the release.
 */
export const RiskPanel = (props: {
  release: ReleaseDetails;
  canEdit: boolean;
  onSaved: () => void;
  onReload: () => void;
}) => {
  const { release } = props;
  const assessment = release.riskAssessment;
  const labels = useReleaseLabels();
  const { t } = labels;
  const [setting, setSetting] = useState(false);

  if (!assessment) {
    return <Typography>{t('risk.notAssessed')}</Typography>;
  }
  const levelChip = (level: Level) => (
    <Chip
      size="small"
      label={labels.level(level)}
      style={{ backgroundColor: levelColors[level], color: '#fff' }}
    />
  );
  return (
    <Box>
      <Grid container spacing={2} alignItems="center">
        <Field label={t('risk.score')}>{labels.number(assessment.score)}</Field>
        <Field label={t('risk.suggested')}>
          {levelChip(assessment.suggestedLevel)}
        </Field>
        <Field label={t('risk.current')}>{levelChip(assessment.level)}</Field>
        <Field label={t('risk.assessedAt')}>
          {labels.dateTime(assessment.assessedAt)}
        </Field>
      </Grid>
      {assessment.override && (
        <Alert severity="info" style={{ marginTop: 16 }}>
          <Typography variant="subtitle2">{t('risk.overridden')}</Typography>
          <Typography variant="body2" component="div">
            {t('risk.overriddenBy')}:{' '}
            <EntityRefLink entityRef={assessment.override.by} /> ·{' '}
            {t('risk.overriddenAt')}: {labels.dateTime(assessment.override.at)}
          </Typography>
          <Typography variant="body2">
            {t('risk.justification')}: “{assessment.override.justification}”
          </Typography>
        </Alert>
      )}
      {props.canEdit && (
        <Box mt={2}>
          <Button variant="outlined" onClick={() => setSetting(true)}>
            {t('risk.setRisk')}
          </Button>
        </Box>
      )}
      <Box mt={2}>
        <Typography variant="h6">{t('risk.factors')}</Typography>
        <RiskFactorList factors={assessment.factors} score={assessment.score} />
      </Box>
      {setting && (
        <SetRiskDialog
          release={release}
          assessment={assessment}
          onClose={() => setSetting(false)}
          onSaved={() => {
            setSetting(false);
            props.onSaved();
          }}
          onReload={props.onReload}
        />
      )}
    </Box>
  );
};
