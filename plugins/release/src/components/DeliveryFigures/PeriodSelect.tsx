import { SelectField } from '../forms';
import { useReleaseLabels } from '../labels';
import { DELIVERY_PERIODS, DeliveryPeriod } from './deliveryPeriods';

/**
 * Wide enough that a select's label, longer in Portuguese than its choices,
 * never runs over them.
 */
export const DELIVERY_SELECT_MIN_WIDTH = 160;

/** The choice of the last 3, 6 or 12 months. */
export const PeriodSelect = (props: {
  id: string;
  value: DeliveryPeriod;
  onChange: (period: DeliveryPeriod) => void;
}) => {
  const { t } = useReleaseLabels();
  return (
    <SelectField
      id={props.id}
      size="small"
      variant="outlined"
      style={{ minWidth: DELIVERY_SELECT_MIN_WIDTH }}
      label={t('delivery.period')}
      value={props.value}
      onChange={value => props.onChange(value as DeliveryPeriod)}
      options={DELIVERY_PERIODS.map(months => [
        months,
        t(`delivery.period${months}`),
      ])}
    />
  );
};
