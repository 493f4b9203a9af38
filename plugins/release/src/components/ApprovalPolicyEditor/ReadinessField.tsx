import {
  READINESS_ITEMS,
  ReadinessItem,
} from '@internal/plugin-release-common';
import { memo } from 'react';
import { useReleaseLabels } from '../labels';
import { CheckboxesField } from './CheckboxesField';

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
    const { t } = useReleaseLabels();
    return (
      <CheckboxesField
        legend={t('approvalPolicy.readiness')}
        options={READINESS_ITEMS}
        labelOf={item => t(`approvalPolicy.readinessItem.${item}`)}
        value={props.value}
        onChange={props.onChange}
        error={props.error}
        margin="normal"
      />
    );
  },
);
