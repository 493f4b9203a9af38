import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Delete from '@material-ui/icons/Delete';
import { CI_KINDS, MAX_IMPACT_DEPTH } from '@internal/plugin-release-common';
import { useReleaseLabels } from '../labels';
import { CheckboxesField } from './CheckboxesField';
import { OwnersDraft } from './sourceDrafts';
import { messageAt, StepErrors } from './stepErrors';

/**
 * One "owners of impacted entities" source: of which kinds, up to which
 * distance; removable while the step has another.
 */
export const OwnersSourceFields = (props: {
  id: string;
  position: number;
  source: OwnersDraft;
  onChange: (source: OwnersDraft) => void;
  onRemove?: () => void;
  /** What is wrong with this source, its paths relative to it. */
  errors: StepErrors;
}) => {
  const { id, source, errors } = props;
  const labels = useReleaseLabels();
  const { t } = labels;
  const position = labels.number(props.position);
  const distanceError = messageAt(errors, 'maxDistance');
  const set = (changes: Partial<OwnersDraft>) =>
    props.onChange({ ...source, ...changes });

  return (
    <Box
      pl={4}
      role="group"
      aria-label={t('approvalPolicy.ownersSet', { position })}
    >
      <Box display="flex" alignItems="flex-start">
        <Box flexGrow={1}>
          <CheckboxesField
            legend={t('approvalPolicy.ownerKinds')}
            options={CI_KINDS}
            labelOf={kind => t(`approvalPolicy.kinds.${kind}`)}
            value={source.entityKinds}
            onChange={entityKinds => set({ entityKinds })}
            error={messageAt(errors, 'entityKinds')}
            row
          />
        </Box>
        {props.onRemove && (
          <IconButton
            size="small"
            aria-label={t('approvalPolicy.removeOwners', { position })}
            onClick={props.onRemove}
          >
            <Delete fontSize="small" />
          </IconButton>
        )}
      </Box>
      <TextField
        id={`${id}-max-distance`}
        type="number"
        margin="dense"
        label={t('approvalPolicy.maxDistance')}
        value={source.maxDistance}
        onChange={e => set({ maxDistance: e.target.value })}
        inputProps={{ min: 0, max: MAX_IMPACT_DEPTH }}
        error={!!distanceError}
        helperText={distanceError ?? t('approvalPolicy.maxDistanceHelp')}
      />
    </Box>
  );
};
