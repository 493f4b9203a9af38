import { errorMessage, isStaleVersion } from '../labels';

/**
 * Whether the backend refused an approval because the release it would
 * authorize meets a blackout window or a conflict: a 409 whose message
 * offers the override (docs/approvals.md#the-approval-round).
 */
export function isOverridableRefusal(error: unknown): boolean {
  return (
    (error as { statusCode?: number })?.statusCode === 409 &&
    !isStaleVersion(error) &&
    /\boverride\b/i.test(errorMessage(error))
  );
}
