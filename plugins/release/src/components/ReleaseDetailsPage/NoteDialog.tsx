import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { releaseTranslationRef } from '../../translations';
import { FormDialog } from '../forms';

/** Asks for the note that skipping or failing an activity needs. */
export const NoteDialog = (props: {
  title: string;
  onCancel: () => void;
  onConfirm: (note: string) => void;
}) => {
  const { t } = useTranslationRef(releaseTranslationRef);
  const [note, setNote] = useState('');
  return (
    <FormDialog
      title={props.title}
      onClose={props.onCancel}
      onSubmit={() => props.onConfirm(note.trim())}
      submitDisabled={!note.trim()}
    >
      <TextField
        id="release-activity-note"
        fullWidth
        multiline
        minRows={2}
        label={t('activities.note')}
        value={note}
        onChange={e => setNote(e.target.value)}
        helperText={t('activities.required')}
      />
    </FormDialog>
  );
};
