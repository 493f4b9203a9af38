import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ReactNode, useState } from 'react';
import { releaseTranslationRef } from '../../translations';
import { Submission } from '../../hooks/useSubmission';
import { StaleVersionAlert } from './StaleVersionAlert';

let dialogs = 0;

/**
 * The release pages' form dialog: a title, the fields, Cancel and the
 * submit button (disabled while the request runs), and above the fields
 * what the backend refused that no field shows. A stale version offers
 * `onReload`; the fields keep what was typed.
 */
export const FormDialog = (props: {
  title: ReactNode;
  children: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  /** The submit button's label; "Save" in the user's language unless given. */
  submitLabel?: string;
  submitDisabled?: boolean;
  submission?: Submission;
  onReload?: () => void;
  maxWidth?: 'sm' | 'md';
}) => {
  const { t } = useTranslationRef(releaseTranslationRef);
  const [titleId] = useState(() => `release-form-dialog-${++dialogs}`);
  const { submission, onReload } = props;
  const failure = submission?.failure;
  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth={props.maxWidth ?? 'sm'}
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <DialogContent>
        {failure &&
          (failure.stale && onReload ? (
            <StaleVersionAlert onReload={onReload} />
          ) : (
            <Alert severity="error">{failure.message}</Alert>
          ))}
        {props.children}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={props.onSubmit}
          disabled={props.submitDisabled || submission?.busy}
        >
          {props.submitLabel ?? t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
