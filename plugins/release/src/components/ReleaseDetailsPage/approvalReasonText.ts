import {
  Level,
  LEVELS,
  RELEASE_TYPES,
  ReleaseType,
} from '@internal/plugin-release-common';
import type { ReleaseT } from '../labels';

/*
 * The release API says in English why a step is not required, why stand-in
 * approvers decide it, why the caller may not decide, and why a round was
 * replaced (docs/approvals.md). As with field errors (fieldErrorText.ts),
 * the page recognises each kind of reason and says it in the user's
 * language; a reason it does not know is shown as written.
 */
type Rule = [RegExp, (t: ReleaseT, match: RegExpMatchArray) => string];

const level = (t: ReleaseT, value: string) =>
  (LEVELS as readonly string[]).includes(value)
    ? t(`level.${value as Level}`)
    : value;

const type = (t: ReleaseT, value: string) =>
  (RELEASE_TYPES as readonly string[]).includes(value)
    ? t(`releaseType.${value as ReleaseType}`)
    : value;

/** `group:default/cab` reads as `cab`. */
const refs = (list: string) =>
  list
    .split(', ')
    .map(ref => ref.replace(/^[^:]+:(default\/)?/, ''))
    .join(', ');

const STAND_IN = "; the portfolio's authorizer group decides";

const rules: Rule[] = [
  // Why a step's condition leaves it out.
  [
    /^risk is (\w+), below (\w+)$/,
    (t, [, risk, threshold]) =>
      t('approvalReason.riskBelow', {
        risk: level(t, risk),
        threshold: level(t, threshold),
      }),
  ],
  [
    /^type is (\w+), not (.+)$/,
    (t, [, actual, wanted]) =>
      t('approvalReason.typeNot', {
        type: type(t, actual),
        types: wanted
          .split(' or ')
          .map(value => type(t, value))
          .join(t('approvalReason.or')),
      }),
  ],
  // Why the portfolio's authorizer group stands in.
  [
    new RegExp(
      `^its approvers resolved to nobody \\(no impacted owner\\)${STAND_IN}$`,
    ),
    t => t('approvalReason.noImpactedOwner'),
  ],
  [
    new RegExp(`^(.+) (?:has|have) no members in the catalog${STAND_IN}$`),
    (t, [, groups]) => t('approvalReason.noMembers', { groups: refs(groups) }),
  ],
  // Why an approver may not decide.
  [
    /^you already decided step (\d+)$/,
    (t, [, position]) => t('approvalReason.alreadyDecided', { position }),
  ],
  [
    /^you requested (\S+); separation of duties keeps its requester from deciding its approval$/,
    (t, [, number]) => t('approvalReason.requestedIt', { number }),
  ],
  [
    /^you manage (\S+); separation of duties keeps its manager from deciding its approval$/,
    (t, [, number]) => t('approvalReason.managesIt', { number }),
  ],
  [
    /^the permission policy does not let you approve this release$/,
    t => t('approvalReason.notPermitted'),
  ],
  // Why a round was replaced (a history comment).
  [
    /^(window changed|configuration items changed): the decisions of round (\d+) no longer hold$/,
    (t, [, what, round]) =>
      t('approvalReason.roundReplaced', {
        what: what.startsWith('window')
          ? t('approvalReason.windowChanged')
          : t('approvalReason.cisChanged'),
        round,
      }),
  ],
  [
    /^(window changed|configuration items changed): no approval step applies any more; request authorization again$/,
    (t, [, what]) =>
      t('approvalReason.noStepApplies', {
        what: what.startsWith('window')
          ? t('approvalReason.windowChanged')
          : t('approvalReason.cisChanged'),
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
