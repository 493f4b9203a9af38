import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import PresentIcon from '@material-ui/icons/CheckCircle';
import MissingIcon from '@material-ui/icons/RadioButtonUnchecked';
import Alert from '@material-ui/lab/Alert';
import { ReadinessCheck } from '@internal/plugin-release-common';
import { useReleaseLabels } from '../labels';

/**
 * What the release model asks for before authorization is requested, each
 * item present or missing (docs/approvals.md#readiness).
 */
export const ReadinessChecklist = (props: { checks: ReadinessCheck[] }) => {
  const labels = useReleaseLabels();
  const { t } = labels;
  const missing = props.checks.filter(check => !check.present).length;
  return (
    <>
      <Typography variant="h6">{t('readiness.title')}</Typography>
      <List dense aria-label={t('readiness.label')}>
        {props.checks.map(check => (
          <ListItem key={check.item}>
            <ListItemIcon>
              {check.present ? (
                <PresentIcon style={{ color: '#2e7d32' }} />
              ) : (
                <MissingIcon color="error" />
              )}
            </ListItemIcon>
            <ListItemText
              primary={labels.readinessItem(check.item)}
              secondary={
                check.present ? t('readiness.present') : t('readiness.missing')
              }
            />
          </ListItem>
        ))}
      </List>
      {missing > 0 ? (
        <Alert severity="warning">
          {t('readiness.someMissing', { count: missing })}
        </Alert>
      ) : (
        <Alert severity="success">{t('readiness.allPresent')}</Alert>
      )}
    </>
  );
};
