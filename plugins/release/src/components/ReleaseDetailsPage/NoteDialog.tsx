import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';

/** Asks for the note that skipping or failing an activity needs. */
export const NoteDialog = (props: {
  title: string;
  onCancel: () => void;
  onConfirm: (note: string) => void;
}) => {
  const [note, setNote] = useState('');
  return (
    <Dialog
      open
      onClose={props.onCancel}
      fullWidth
      maxWidth="sm"
      aria-labelledby="note-title"
    >
      <DialogTitle id="note-title">{props.title}</DialogTitle>
      <DialogContent>
        <TextField
          id="release-activity-note"
          fullWidth
          multiline
          minRows={2}
          label="Note"
          value={note}
          onChange={e => setNote(e.target.value)}
          helperText="Required"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!note.trim()}
          onClick={() => props.onConfirm(note.trim())}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
};
