import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { Portfolio } from '@internal/plugin-release-common';
import { useState } from 'react';
import { releaseApiRef } from '../../api';
import { EntityPicker } from '../EntityPicker';
import { useSubmission } from '../../hooks/useSubmission';

/** Creates a portfolio, or edits one when given. */
export const PortfolioDialog = (props: {
  portfolio?: Portfolio;
  onClose: () => void;
  onSaved: (portfolio: Portfolio) => void;
}) => {
  const releaseApi = useApi(releaseApiRef);
  const [form, setForm] = useState({
    name: props.portfolio?.name ?? '',
    description: props.portfolio?.description ?? '',
    ownerGroup: props.portfolio?.ownerGroup ?? null,
    authorizerGroup: props.portfolio?.authorizerGroup ?? null,
  });
  const { errors, failure, submit } = useSubmission();

  const save = async () => {
    let saved: Portfolio | undefined;
    const ok = await submit(async () => {
      saved = props.portfolio
        ? await releaseApi.updatePortfolio(props.portfolio.id, form)
        : await releaseApi.createPortfolio(form);
    });
    if (ok && saved) props.onSaved(saved);
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="portfolio-title"
    >
      <DialogTitle id="portfolio-title">
        {props.portfolio ? 'Edit portfolio' : 'New portfolio'}
      </DialogTitle>
      <DialogContent>
        {failure && <Alert severity="error">{failure.message}</Alert>}
        <TextField
          id="release-portfolio-name"
          fullWidth
          margin="normal"
          label="Name"
          value={form.name}
          onChange={e => setForm({ ...form, name: e.target.value })}
          error={!!errors.name}
          helperText={errors.name}
        />
        <TextField
          id="release-portfolio-description"
          fullWidth
          multiline
          margin="normal"
          label="Description"
          value={form.description}
          onChange={e => setForm({ ...form, description: e.target.value })}
        />
        <EntityPicker
          label="Owner group"
          kinds={['Group']}
          value={form.ownerGroup}
          onChange={ownerGroup => setForm({ ...form, ownerGroup })}
          error={errors.ownerGroup}
        />
        <EntityPicker
          label="Authorizer group"
          kinds={['Group']}
          value={form.authorizerGroup}
          onChange={authorizerGroup => setForm({ ...form, authorizerGroup })}
          error={errors.authorizerGroup}
          helperText="Its members authorize the portfolio's releases"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button color="primary" variant="contained" onClick={save}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
};
