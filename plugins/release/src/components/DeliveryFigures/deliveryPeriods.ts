import { DateTime } from 'luxon';

/** How far back the delivery views look, in months; the first is the default. */
export const DELIVERY_PERIODS = ['3', '6', '12'] as const;
export type DeliveryPeriod = (typeof DELIVERY_PERIODS)[number];

/** The last `months` months up to now, as the metrics endpoints take them. */
export function deliveryRange(months: DeliveryPeriod | number): {
  from: string;
  to: string;
} {
  const to = DateTime.utc();
  return {
    from: to.minus({ months: Number(months) }).toISO()!,
    to: to.toISO()!,
  };
}
