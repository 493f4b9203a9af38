import {
  READINESS_ITEMS,
  ReadinessItem,
} from '@internal/plugin-release-common';
import { errorMessage } from '../labels';

const isItem = (value: unknown): value is ReadinessItem =>
  (READINESS_ITEMS as readonly unknown[]).includes(value);

/**
 * The readiness items a refused authorization request names as missing
 * (docs/approvals.md#readiness): listed in the 409's `error.details` (as
 * `{ field: item, message }`), or else named in its message. Undefined when
 * the refusal is about something else.
 */
export function missingReadinessOf(
  error: unknown,
): ReadinessItem[] | undefined {
  if ((error as { statusCode?: number })?.statusCode !== 409) return undefined;
  const details = (error as { body?: { error?: { details?: unknown } } })?.body
    ?.error?.details;
  const listed = Array.isArray(details)
    ? details
        .map(detail => (detail as { field?: unknown } | null)?.field)
        .filter(isItem)
    : [];
  if (listed.length > 0) return listed;
  const message = errorMessage(error);
  if (!/readiness|missing/i.test(message)) return undefined;
  const named = READINESS_ITEMS.filter(item => message.includes(item));
  return named.length > 0 ? named : undefined;
}
