import { Level, LEVELS } from '@internal/plugin-release-common';
import { SelectField } from '../forms/SelectField';
import { useReleaseLabels } from './useReleaseLabels';

/** A low / medium / high choice (impact, urgency, risk). */
export const LevelSelect = (props: {
  id: string;
  label: string;
  value: Level;
  onChange: (level: Level) => void;
  /** What the backend or the form check said is wrong with it. */
  error?: string;
}) => {
  const labels = useReleaseLabels();
  return (
    <SelectField
      id={props.id}
      fullWidth
      margin="normal"
      label={props.label}
      value={props.value}
      onChange={value => props.onChange(value as Level)}
      options={LEVELS.map(level => [level, labels.level(level)])}
      error={!!props.error}
      helperText={props.error}
    />
  );
};
