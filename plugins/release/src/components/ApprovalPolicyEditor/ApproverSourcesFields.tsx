import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import { MAX_IMPACT_DEPTH } from '@internal/plugin-release-common';
import { MultiEntityPicker } from '../EntityPicker';
import { useReleaseLabels } from '../labels';
import { OWNER_ENTITY_KINDS, sourcePositions, StepDraft } from './policyDraft';
import { errorsUnder, messageAt, StepErrors } from './stepErrors';

/**
 * Who approves a step, any of: catalog groups, the owners of the entities
 * the release impacts (of some kinds, up to a distance), the requester.
 */
export const ApproverSourcesFields = (props: {
  id: string;
  step: StepDraft;
  onChange: (changes: Partial<StepDraft>) => void;
  /** What is wrong inside the step. */
  errors: StepErrors;
}) => {
  const { id, step, onChange } = props;
  const { t } = useReleaseLabels();
  const errors = errorsUnder(props.errors, 'approvers');
  const at = sourcePositions(step);
  const groupError = step.groups
    .map((_, index) => messageAt(errors, String(index)))
    .find(Boolean);
  const owners = at.impactedOwners;
  const kindsError =
    owners !== undefined
      ? messageAt(errors, `${owners}.entityKinds`)
      : undefined;
  const distanceError =
    owners !== undefined
      ? messageAt(errors, `${owners}.maxDistance`)
      : undefined;
  // The list as a whole, and whatever names a source no field shows.
  const shownAbove = (field: string) =>
    Number(field.split('.')[0]) < step.groups.length ||
    field.startsWith(`${owners}.entityKinds`) ||
    field.startsWith(`${owners}.maxDistance`);
  const listError =
    messageAt(props.errors, 'approvers', { exact: true }) ??
    errors.find(e => !shownAbove(e.field))?.message;

  return (
    <FormControl component="fieldset" fullWidth margin="normal">
      <FormLabel component="legend">{t('approvalPolicy.approvers')}</FormLabel>
      <MultiEntityPicker
        label={t('approvalPolicy.groups')}
        kinds={['Group']}
        value={step.groups}
        onChange={groups => onChange({ groups })}
        error={groupError}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={step.impactedOwners}
            onChange={e => onChange({ impactedOwners: e.target.checked })}
          />
        }
        label={t('approvalPolicy.impactedOwners')}
      />
      {step.impactedOwners && (
        <Box pl={4}>
          <FormControl component="fieldset" error={!!kindsError}>
            <FormLabel component="legend">
              {t('approvalPolicy.ownerKinds')}
            </FormLabel>
            <FormGroup row>
              {OWNER_ENTITY_KINDS.map(kind => (
                <FormControlLabel
                  key={kind}
                  control={
                    <Checkbox
                      checked={step.entityKinds.includes(kind)}
                      onChange={e =>
                        onChange({
                          entityKinds: e.target.checked
                            ? [...step.entityKinds, kind]
                            : step.entityKinds.filter(k => k !== kind),
                        })
                      }
                    />
                  }
                  label={t(`approvalPolicy.kinds.${kind}`)}
                />
              ))}
            </FormGroup>
            {kindsError && <FormHelperText>{kindsError}</FormHelperText>}
          </FormControl>
          <TextField
            id={`${id}-max-distance`}
            type="number"
            margin="dense"
            label={t('approvalPolicy.maxDistance')}
            value={step.maxDistance}
            onChange={e => onChange({ maxDistance: e.target.value })}
            inputProps={{ min: 0, max: MAX_IMPACT_DEPTH }}
            error={!!distanceError}
            helperText={distanceError ?? t('approvalPolicy.maxDistanceHelp')}
          />
        </Box>
      )}
      <FormControlLabel
        control={
          <Checkbox
            checked={step.requester}
            onChange={e => onChange({ requester: e.target.checked })}
          />
        }
        label={t('approvalPolicy.requester')}
      />
      {listError && <FormHelperText error>{listError}</FormHelperText>}
    </FormControl>
  );
};
