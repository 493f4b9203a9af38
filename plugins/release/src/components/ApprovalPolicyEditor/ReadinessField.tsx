import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import {
  READINESS_ITEMS,
  ReadinessItem,
} from '@internal/plugin-release-common';
import { memo } from 'react';
import { useReleaseLabels } from '../labels';

/**
 * What a model requires before authorization is requested
 * (docs/process.md#approval-policies), kept in the shared list's order.
 */
export const ReadinessField = memo(
  (props: {
    value: ReadinessItem[];
    onChange: (items: ReadinessItem[]) => void;
    error?: string;
  }) => {
    const { value, onChange, error } = props;
    const { t } = useReleaseLabels();
    const toggle = (item: ReadinessItem, on: boolean) =>
      onChange(
        READINESS_ITEMS.filter(other =>
          other === item ? on : value.includes(other),
        ),
      );
    return (
      <FormControl component="fieldset" margin="normal" error={!!error}>
        <FormLabel component="legend">
          {t('approvalPolicy.readiness')}
        </FormLabel>
        <FormGroup>
          {READINESS_ITEMS.map(item => (
            <FormControlLabel
              key={item}
              control={
                <Checkbox
                  checked={value.includes(item)}
                  onChange={e => toggle(item, e.target.checked)}
                />
              }
              label={t(`approvalPolicy.readinessItem.${item}`)}
            />
          ))}
        </FormGroup>
        {error && <FormHelperText>{error}</FormHelperText>}
      </FormControl>
    );
  },
);
