import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import { FieldError } from '@internal/plugin-release-common';
import { memo } from 'react';
import { useReleaseLabels } from '../labels';
import { ApprovalStepEditor } from './ApprovalStepEditor';
import { newStep, PolicyDraft, StepDraft } from './policyDraft';
import { errorsUnder } from './stepErrors';

/**
 * An approval policy (docs/process.md#approval-policies): none of its own
 * (`inheritLabel` says what applies then), or ordered steps to add,
 * remove and move. Memoized: typing elsewhere in a dialog leaves it be.
 */
export const ApprovalPolicyEditor = memo(
  (props: {
    /** The request field: `approvalPolicy` or `emergencyApprovalPolicy`. */
    field: string;
    title: string;
    inheritLabel: string;
    value: PolicyDraft;
    onChange: (draft: PolicyDraft) => void;
    /** What is wrong with the request's fields, in the user's language. */
    errors: FieldError[];
  }) => {
    const { field, value, onChange, errors } = props;
    const { t } = useReleaseLabels();
    // Too many or too few steps, or a policy the backend refused as a whole.
    const policyError = errors.find(
      e => e.field === field || e.field === `${field}.steps`,
    )?.message;

    const setSteps = (steps: StepDraft[]) => onChange({ ...value, steps });
    const move = (index: number, offset: -1 | 1) => {
      const steps = [...value.steps];
      const [step] = steps.splice(index, 1);
      steps.splice(index + offset, 0, step);
      setSteps(steps);
    };

    return (
      <FormControl
        component="fieldset"
        fullWidth
        margin="normal"
        error={!!policyError}
        role="group"
        aria-label={props.title}
      >
        <FormLabel component="legend">{props.title}</FormLabel>
        <RadioGroup
          aria-label={props.title}
          value={value.own ? 'own' : 'inherit'}
          onChange={e =>
            onChange({
              own: e.target.value === 'own',
              // Choosing steps starts with one to fill in.
              steps:
                e.target.value === 'own' && value.steps.length === 0
                  ? [newStep()]
                  : value.steps,
            })
          }
        >
          <FormControlLabel
            value="inherit"
            control={<Radio />}
            label={props.inheritLabel}
          />
          <FormControlLabel
            value="own"
            control={<Radio />}
            label={t('approvalPolicy.ownSteps')}
          />
        </RadioGroup>
        {policyError && <FormHelperText>{policyError}</FormHelperText>}
        {value.own && (
          <Box mt={1}>
            {value.steps.map((step, index) => (
              <Box mb={2} key={step.key}>
                <ApprovalStepEditor
                  id={`${field}-step-${index}`}
                  step={step}
                  position={index + 1}
                  isFirst={index === 0}
                  isLast={index === value.steps.length - 1}
                  onChange={changed =>
                    setSteps(
                      value.steps.map((s, i) => (i === index ? changed : s)),
                    )
                  }
                  onMove={offset => move(index, offset)}
                  onRemove={() =>
                    setSteps(value.steps.filter((_, i) => i !== index))
                  }
                  errors={errorsUnder(errors, `${field}.steps.${index}`)}
                />
              </Box>
            ))}
            <Button
              size="small"
              color="primary"
              onClick={() => setSteps([...value.steps, newStep()])}
            >
              {t('approvalPolicy.addStep')}
            </Button>
          </Box>
        )}
      </FormControl>
    );
  },
);
