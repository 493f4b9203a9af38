import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import { MultiEntityPicker } from '../EntityPicker';
import { useReleaseLabels } from '../labels';
import { OwnersSourceFields } from './OwnersSourceFields';
import { approversSent, StepDraft } from './policyDraft';
import {
  newOwners,
  OwnersDraft,
  SourceDraft,
  withGroups,
  withSource,
} from './sourceDrafts';
import { errorsUnder, messageAt, StepErrors } from './stepErrors';

const isOwners = (source: SourceDraft): source is OwnersDraft =>
  source.kind === 'impacted-owners';

/**
 * Who approves a step, any of: catalog groups, the owners of the entities
 * the release impacts (each set of some kinds, up to a distance), the
 * requester.
 */
export const ApproverSourcesFields = (props: {
  id: string;
  step: StepDraft;
  onChange: (changes: Partial<StepDraft>) => void;
  /** What is wrong inside the step. */
  errors: StepErrors;
}) => {
  const { id, step, onChange } = props;
  const { sources } = step;
  const { t } = useReleaseLabels();
  const errors = errorsUnder(props.errors, 'approvers');
  // The schema names a source by its place among those sent.
  const sent = approversSent(step);
  const at = (source: SourceDraft) => String(sent.indexOf(source));
  const groups = sources.flatMap(s => (s.kind === 'group' ? [s] : []));
  const groupError = groups.map(s => messageAt(errors, at(s))).find(Boolean);
  const owners = sources.filter(isOwners);
  // The list as a whole, and whatever names a source no field shows.
  const shownAbove = (field: string) => {
    const [index, inside = ''] = field.split(/\.(.*)/);
    const source = sent[Number(index)];
    if (source?.kind === 'group') return true;
    return (
      source?.kind === 'impacted-owners' &&
      /^(entityKinds|maxDistance)\b/.test(inside)
    );
  };
  const listError =
    messageAt(props.errors, 'approvers', { exact: true }) ??
    errors.find(e => !shownAbove(e.field))?.message;

  const setSources = (changed: SourceDraft[]) => onChange({ sources: changed });
  const addOwners = () => withSource(sources, newOwners());
  const requester = sources.some(s => s.kind === 'requester');

  return (
    <FormControl component="fieldset" fullWidth margin="normal">
      <FormLabel component="legend">{t('approvalPolicy.approvers')}</FormLabel>
      <MultiEntityPicker
        label={t('approvalPolicy.groups')}
        kinds={['Group']}
        value={groups.map(s => s.group)}
        onChange={picked => setSources(withGroups(sources, picked))}
        error={groupError}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={step.impactedOwners}
            onChange={e =>
              onChange({
                impactedOwners: e.target.checked,
                // Switched on for the first time: one set to fill in.
                sources:
                  e.target.checked && owners.length === 0
                    ? addOwners()
                    : sources,
              })
            }
          />
        }
        label={t('approvalPolicy.impactedOwners')}
      />
      {step.impactedOwners && (
        <>
          {owners.map((source, index) => (
            <OwnersSourceFields
              key={source.key}
              id={`${id}-owners-${index}`}
              position={index + 1}
              source={source}
              onChange={changed =>
                setSources(sources.map(s => (s === source ? changed : s)))
              }
              onRemove={
                owners.length > 1
                  ? () => setSources(sources.filter(s => s !== source))
                  : undefined
              }
              errors={errorsUnder(errors, at(source))}
            />
          ))}
          <Box pl={4}>
            <Button
              size="small"
              color="primary"
              onClick={() => setSources(addOwners())}
            >
              {t('approvalPolicy.addOwners')}
            </Button>
          </Box>
        </>
      )}
      <FormControlLabel
        control={
          <Checkbox
            checked={requester}
            onChange={e =>
              setSources(
                e.target.checked
                  ? withSource(sources, { kind: 'requester' })
                  : sources.filter(s => s.kind !== 'requester'),
              )
            }
          />
        }
        label={t('approvalPolicy.requester')}
      />
      {listError && <FormHelperText error>{listError}</FormHelperText>}
    </FormControl>
  );
};
