import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { Level, LEVELS } from '@internal/plugin-release-common';

/** A low / medium / high choice (impact, urgency, risk). */
export const LevelSelect = (props: {
  id: string;
  label: string;
  value: Level;
  onChange: (level: Level) => void;
  /** What the backend or the form check said is wrong with it. */
  error?: string;
}) => (
  <TextField
    id={props.id}
    select
    fullWidth
    margin="normal"
    label={props.label}
    value={props.value}
    onChange={e => props.onChange(e.target.value as Level)}
    error={!!props.error}
    helperText={props.error}
  >
    {LEVELS.map(level => (
      <MenuItem key={level} value={level}>
        {level}
      </MenuItem>
    ))}
  </TextField>
);
