import { SelectField } from '../forms';
import { useReleaseLabels } from '../labels';
import { DELIVERY_PERIODS, DeliveryPeriod } from './deliveryPeriods';

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
