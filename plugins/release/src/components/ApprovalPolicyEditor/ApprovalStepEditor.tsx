import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import ArrowDownward from '@material-ui/icons/ArrowDownward';
import ArrowUpward from '@material-ui/icons/ArrowUpward';
import Delete from '@material-ui/icons/Delete';
import { RELEASE_TYPES } from '@internal/plugin-release-common';
import { SelectField } from '../forms';
import { LevelSelect, useReleaseLabels } from '../labels';
import { ApproverSourcesFields } from './ApproverSourcesFields';
import { CheckboxesField } from './CheckboxesField';
import { StepDraft } from './policyDraft';
import { messageAt, StepErrors } from './stepErrors';

/** The largest quorum the shared schema takes. */
const MAX_QUORUM = 50;

const CONDITION_KINDS = ['always', 'risk-at-least', 'type-is'] as const;

/** One step of an approval policy: its name, approvers, quorum and condition. */
export const ApprovalStepEditor = (props: {
  id: string;
  step: StepDraft;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  onChange: (step: StepDraft) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
  /** What is wrong inside the step. */
  errors: StepErrors;
}) => {
  const { id, step, position, errors } = props;
  const errorAt = (path: string, options?: { exact?: boolean }) =>
    messageAt(errors, path, options);
  const labels = useReleaseLabels();
  const { t } = labels;
  const set = (changes: Partial<StepDraft>) =>
    props.onChange({ ...step, ...changes });
  const nameError = errorAt('name');
  // A quorum is a number or "all": whatever the schema refused, the rule
  // it breaks is the same.
  const quorumError = errorAt('quorum')
    ? t('approvalPolicy.quorumInvalid', { max: labels.number(MAX_QUORUM) })
    : undefined;
  const typesError = errorAt('condition.types');
  const conditionError =
    errorAt('condition', { exact: true }) ?? errorAt('condition.kind');
  const shownPosition = labels.number(position);
  const stepLabel = t('approvalPolicy.step', { position: shownPosition });

  return (
    <Paper variant="outlined" role="group" aria-label={stepLabel}>
      <Box p={2}>
        <Box display="flex" alignItems="center">
          <Typography variant="subtitle2" style={{ flexGrow: 1 }}>
            {stepLabel}
          </Typography>
          <IconButton
            size="small"
            aria-label={t('approvalPolicy.moveUp', { position: shownPosition })}
            disabled={props.isFirst}
            onClick={() => props.onMove(-1)}
          >
            <ArrowUpward fontSize="small" />
          </IconButton>
          <IconButton
            size="small"
            aria-label={t('approvalPolicy.moveDown', {
              position: shownPosition,
            })}
            disabled={props.isLast}
            onClick={() => props.onMove(1)}
          >
            <ArrowDownward fontSize="small" />
          </IconButton>
          <IconButton
            size="small"
            aria-label={t('approvalPolicy.removeStep', {
              position: shownPosition,
            })}
            onClick={props.onRemove}
          >
            <Delete fontSize="small" />
          </IconButton>
        </Box>
        <TextField
          id={`${id}-name`}
          fullWidth
          margin="dense"
          label={t('approvalPolicy.stepName')}
          value={step.name}
          onChange={e => set({ name: e.target.value })}
          error={!!nameError}
          helperText={nameError}
        />
        <ApproverSourcesFields
          id={id}
          step={step}
          onChange={set}
          errors={errors}
        />
        <Grid container spacing={2}>
          <Grid item xs={6}>
            <SelectField
              id={`${id}-quorum`}
              fullWidth
              margin="dense"
              label={t('approvalPolicy.quorum')}
              value={step.quorumAll ? 'all' : 'count'}
              onChange={value => set({ quorumAll: value === 'all' })}
              options={[
                ['count', t('approvalPolicy.quorumCount')],
                ['all', t('approvalPolicy.quorumAll')],
              ]}
              error={step.quorumAll && !!quorumError}
              helperText={step.quorumAll ? quorumError : undefined}
            />
          </Grid>
          <Grid item xs={6}>
            {!step.quorumAll && (
              <TextField
                id={`${id}-quorum-count`}
                type="number"
                fullWidth
                margin="dense"
                label={t('approvalPolicy.approvalsNeeded')}
                value={step.quorumCount}
                onChange={e => set({ quorumCount: e.target.value })}
                inputProps={{ min: 1, max: MAX_QUORUM }}
                error={!!quorumError}
                helperText={quorumError}
              />
            )}
          </Grid>
        </Grid>
        <SelectField
          id={`${id}-condition`}
          fullWidth
          margin="dense"
          label={t('approvalPolicy.condition')}
          value={step.conditionKind}
          onChange={value =>
            set({ conditionKind: value as StepDraft['conditionKind'] })
          }
          options={CONDITION_KINDS.map(kind => [
            kind,
            t(`approvalPolicy.conditionKind.${kind}`),
          ])}
          error={!!conditionError}
          helperText={conditionError}
        />
        {step.conditionKind === 'risk-at-least' && (
          <LevelSelect
            id={`${id}-risk`}
            label={t('approvalPolicy.minimumRisk')}
            value={step.riskLevel}
            onChange={riskLevel => set({ riskLevel })}
            error={errorAt('condition.level')}
          />
        )}
        {step.conditionKind === 'type-is' && (
          <CheckboxesField
            legend={t('approvalPolicy.releaseTypes')}
            options={RELEASE_TYPES}
            labelOf={labels.type}
            value={step.types}
            onChange={types => set({ types })}
            error={typesError}
            row
          />
        )}
      </Box>
    </Paper>
  );
};
