import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReleaseDetails } from '@internal/plugin-release-common';
import { useReleaseLabels } from '../labels';

/**
 * What requesting authorization does, and what the release model still
 * misses before it may be requested (docs/approvals.md#readiness).
 */
export const RequestAuthorizationNotes = (props: {
  release: Partial<Pick<ReleaseDetails, 'readiness' | 'approvals'>>;
}) => {
  const labels = useReleaseLabels();
  const { t } = labels;
  const checks = props.release.readiness ?? [];
  const missing = checks.filter(check => !check.present);
  return (
    <>
      <Typography variant="body2" paragraph>
        {props.release.approvals?.policySource === 'none'
          ? t('requestAuthorization.noPolicy')
          : t('requestAuthorization.explain')}
      </Typography>
      {missing.length > 0 && (
        <Alert severity="warning">
          {t('requestAuthorization.notReady', {
            items: missing
              .map(check => labels.readinessItem(check.item))
              .join(', '),
          })}
        </Alert>
      )}
      {checks.length > 0 && missing.length === 0 && (
        <Alert severity="success">{t('readiness.allPresent')}</Alert>
      )}
    </>
  );
};
