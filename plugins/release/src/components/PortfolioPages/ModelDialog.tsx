import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { Level, ReleaseModel } from '@internal/plugin-release-common';
import { useState } from 'react';
import { releaseApiRef } from '../../api';
import { EntityPicker } from '../EntityPicker';
import { useSubmission } from '../../hooks/useSubmission';
import { LevelSelect } from '../labels';

const toLines = (templates: ReleaseModel['planningTemplates']) =>
  templates.map(t => t.title).join('\n');
const toTemplates = (text: string) =>
  text
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
    .map(title => ({ title }));

/** Creates or edits a release model and its activity templates. */
export const ModelDialog = (props: {
  portfolioId: string;
  model?: ReleaseModel;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const releaseApi = useApi(releaseApiRef);
  const { model } = props;
  const [form, setForm] = useState({
    name: model?.name ?? '',
    category: model?.category ?? '',
    defaultExecutorGroup: model?.defaultExecutorGroup ?? null,
    defaultImpact: (model?.defaultImpact ?? 'medium') as Level,
    defaultUrgency: (model?.defaultUrgency ?? 'medium') as Level,
    planning: model
      ? toLines(model.planningTemplates)
      : 'Scope\nBuild the release package\nTest in staging\nRollback plan\nCommunication',
    deployment: model
      ? toLines(model.deploymentTemplates)
      : 'Deploy\nSmoke test\nVerify monitoring\nUpdate documentation\nEarly life support',
  });
  const { errors, failure, submit } = useSubmission();
  const set = (changes: Partial<typeof form>) =>
    setForm({ ...form, ...changes });

  const save = async () => {
    const request = {
      name: form.name,
      category: form.category || null,
      defaultExecutorGroup: form.defaultExecutorGroup,
      defaultImpact: form.defaultImpact,
      defaultUrgency: form.defaultUrgency,
      planningTemplates: toTemplates(form.planning),
      deploymentTemplates: toTemplates(form.deployment),
    };
    const saved = await submit(() =>
      model
        ? releaseApi.updateModel(props.portfolioId, model.id, request)
        : releaseApi.createModel(props.portfolioId, request),
    );
    if (saved) props.onSaved();
  };

  const level = (field: 'defaultImpact' | 'defaultUrgency', label: string) => (
    <LevelSelect
      id={`release-model-${field}`}
      label={label}
      value={form[field]}
      onChange={value => set({ [field]: value })}
    />
  );

  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="model-title"
    >
      <DialogTitle id="model-title">
        {model ? `Edit ${model.name}` : 'New release model'}
      </DialogTitle>
      <DialogContent>
        {failure && <Alert severity="error">{failure.message}</Alert>}
        <TextField
          id="release-model-name"
          fullWidth
          margin="normal"
          label="Name"
          value={form.name}
          onChange={e => set({ name: e.target.value })}
          error={!!errors.name}
          helperText={errors.name}
        />
        <TextField
          id="release-model-category"
          fullWidth
          margin="normal"
          label="Category"
          value={form.category}
          onChange={e => set({ category: e.target.value })}
        />
        <EntityPicker
          label="Default executor group"
          kinds={['Group']}
          value={form.defaultExecutorGroup}
          onChange={defaultExecutorGroup => set({ defaultExecutorGroup })}
        />
        {level('defaultImpact', 'Default impact')}
        {level('defaultUrgency', 'Default urgency')}
        <TextField
          id="release-model-planning"
          fullWidth
          multiline
          minRows={4}
          margin="normal"
          label="Planning activities (one per line)"
          value={form.planning}
          onChange={e => set({ planning: e.target.value })}
          error={!!errors.planningTemplates}
          helperText={errors.planningTemplates}
        />
        <TextField
          id="release-model-deployment"
          fullWidth
          multiline
          minRows={4}
          margin="normal"
          label="Deployment activities (one per line)"
          value={form.deployment}
          onChange={e => set({ deployment: e.target.value })}
          error={!!errors.deploymentTemplates}
          helperText={errors.deploymentTemplates}
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
