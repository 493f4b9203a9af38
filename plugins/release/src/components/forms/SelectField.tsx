import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { CSSProperties, ReactNode } from 'react';

/** Choices as `[value, label]`; `sameLabels` when each reads as its value. */
export type SelectOptions = ReadonlyArray<readonly [string, string]>;

/** Choices that read as their values, e.g. `minor`, `major`. */
export const sameLabels = (values: readonly string[]): SelectOptions =>
  values.map(value => [value, value] as const);

/** A labelled choice among options, with room for a field error. */
export const SelectField = (props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: SelectOptions;
  /** The label of an empty first choice ("None", "Any"); none when absent. */
  empty?: string;
  error?: boolean;
  helperText?: ReactNode;
  disabled?: boolean;
  fullWidth?: boolean;
  margin?: 'normal' | 'dense' | 'none';
  size?: 'small' | 'medium';
  variant?: 'standard' | 'outlined';
  style?: CSSProperties;
}) => {
  const { options, empty, onChange, variant, ...field } = props;
  return (
    <TextField
      {...field}
      // TextField's variants are separate types; outlined is the only other.
      variant={variant as 'outlined'}
      select
      onChange={e => onChange(e.target.value)}
    >
      {empty !== undefined && <MenuItem value="">{empty}</MenuItem>}
      {options.map(([value, label]) => (
        <MenuItem key={value} value={value}>
          {label}
        </MenuItem>
      ))}
    </TextField>
  );
};
