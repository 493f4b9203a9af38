import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';

/**
 * Some of a fixed list of options, one checkbox each. What was loaded keeps
 * its order until a box is ticked or unticked; then the list's order wins.
 */
export const CheckboxesField = <T extends string>(props: {
  legend: string;
  options: readonly T[];
  labelOf: (option: T) => string;
  value: readonly T[];
  onChange: (value: T[]) => void;
  error?: string;
  /** Side by side rather than one under the other. */
  row?: boolean;
  margin?: 'normal';
}) => {
  const { options, value, error } = props;
  return (
    <FormControl component="fieldset" margin={props.margin} error={!!error}>
      <FormLabel component="legend">{props.legend}</FormLabel>
      <FormGroup row={props.row}>
        {options.map(option => (
          <FormControlLabel
            key={option}
            control={
              <Checkbox
                checked={value.includes(option)}
                onChange={e =>
                  props.onChange(
                    options.filter(other =>
                      other === option
                        ? e.target.checked
                        : value.includes(other),
                    ),
                  )
                }
              />
            }
            label={props.labelOf(option)}
          />
        ))}
      </FormGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
};
