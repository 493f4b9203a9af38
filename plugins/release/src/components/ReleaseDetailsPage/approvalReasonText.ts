import { LEVELS, Level } from '@internal/plugin-release-common';
import type { ReleaseT } from '../labels';

/*
 * The release API says in English why a step is not required, why stand-in
 * approvers decide it, and why the caller may not decide
 * (docs/approvals.md#the-approval-round). As with field errors
 * (fieldErrorText.ts), the page recognises each kind of reason and says it
 * in the user's language; a reason it does not know is shown as written.
 */
type Rule = [RegExp, (t: ReleaseT, match: RegExpMatchArray) => string];

const level = (t: ReleaseT, value: string) =>
  (LEVELS as readonly string[]).includes(value)
    ? t(`level.${value as Level}`)
    : value;

const rules: Rule[] = [
  [
    /^risk is (\w+), below (\w+)$/,
    (t, [, risk, threshold]) =>
      t('approvalReason.riskBelow', {
        risk: level(t, risk),
        threshold: level(t, threshold),
      }),
  ],
];

/** A reason of the approval round, in the user's language when known. */
export function approvalReasonText(t: ReleaseT, reason: string): string {
  for (const [pattern, text] of rules) {
    const match = reason.match(pattern);
    if (match) return text(t, match);
  }
  return reason;
}
