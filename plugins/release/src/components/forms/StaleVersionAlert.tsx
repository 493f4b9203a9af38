import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { releaseTranslationRef } from '../../translations';

/**
 * The backend refused a change because someone else changed the record
 * first (409): says so and offers to reload. What the user typed stays.
 */
export const StaleVersionAlert = (props: {
  /** Whose change it was, when not the release's own record. */
  what?: 'activity';
  onReload: () => void;
}) => {
  const { t } = useTranslationRef(releaseTranslationRef);
  return (
    <Alert
      severity="warning"
      action={
        <Button color="inherit" size="small" onClick={props.onReload}>
          {t('common.reload')}
        </Button>
      }
    >
      {props.what === 'activity'
        ? t('common.staleActivity')
        : t('common.staleVersion')}
    </Alert>
  );
};
