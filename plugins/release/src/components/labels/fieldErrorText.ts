import {
  FieldError,
  Level,
  LEVELS,
  RELEASE_OUTCOMES,
} from '@internal/plugin-release-common';
import { fieldLabel } from './fieldLabels';
import { shortRef } from './labels';
import type { ReleaseT } from './useReleaseLabels';

/*
 * The release API and the shared schemas of release-common say what is
 * wrong with a field in English (docs/errors.md): the schemas' own
 * messages, zod's defaults and the workflow's input guards. The frontend
 * recognises each kind of message and says it in the user's language,
 * with the limit or the value it names; a message it does not know is
 * shown as the server wrote it.
 */
type Rule = [RegExp, (t: ReleaseT, match: RegExpMatchArray) => string];

const outcomeLabel = (t: ReleaseT, outcome: string) =>
  (RELEASE_OUTCOMES as readonly string[]).includes(outcome)
    ? t(`outcome.${outcome as (typeof RELEASE_OUTCOMES)[number]}`)
    : outcome;

const levelLabel = (t: ReleaseT, level: string) =>
  (LEVELS as readonly string[]).includes(level)
    ? t(`level.${level as Level}`)
    : level;

const activityStatusLabel = (t: ReleaseT, status: string) =>
  status === 'skipped' || status === 'failed'
    ? t(`activityStatus.${status}`)
    : status;

const rules: Rule[] = [
  [/^is required$/, t => t('validation.required')],
  [
    /^Invalid input: expected \w+, received undefined$/,
    t => t('validation.required'),
  ],
  [/^must be after plannedStart$/, t => t('validation.endAfterStart')],
  [/^must be an http\(s\) URL$/, t => t('validation.httpUrl')],
  [/^must be an ISO 8601 date-time\b/, t => t('validation.dateTime')],
  [
    /^Too big: expected string to have <=?(\d+) characters?$/,
    (t, [, max]) => t('validation.tooLong', { max }),
  ],
  [
    /^Too small: expected string to have >=?(\d+) characters?$/,
    (t, [, min]) => t('validation.tooShort', { min }),
  ],
  [
    /^Too big: expected (?:array|set) to have <=?(\d+) items?$/,
    (t, [, max]) => t('validation.tooMany', { max }),
  ],
  [
    /^Too small: expected (?:array|set) to have >=?(\d+) items?$/,
    (t, [, min]) => t('validation.tooFew', { min }),
  ],
  [
    /^Too big: expected \w+ to be <=?(\S+)$/,
    (t, [, max]) => t('validation.tooLarge', { max }),
  ],
  [
    /^Too small: expected \w+ to be >=?(\S+)$/,
    (t, [, min]) => t('validation.tooSmall', { min }),
  ],
  [/^Invalid option: /, t => t('validation.notAnOption')],
  [/^Invalid input: expected /, t => t('validation.wrongType')],
  [/^Invalid UUID$/, t => t('validation.notAnId')],
  [/^must not contain the NUL character$/, t => t('validation.nulCharacter')],
  [
    /^must be an entity ref of (?:an? )?(.+), e\.g\. (\S+)$/,
    (t, [, kinds, example]) => t('validation.entityRef', { kinds, example }),
  ],
  [
    /^(\S+) is listed twice$/,
    (t, [, ref]) => t('validation.listedTwice', { ref: shortRef(ref) }),
  ],
  [
    /^(\S+) is not in the catalog$/,
    (t, [, ref]) => t('validation.notInCatalog', { ref: shortRef(ref) }),
  ],
  [/^must name at least one action$/, t => t('validation.noAction')],
  // An approval step without approvers (docs/process.md#approval-policies).
  [
    /^needs at least one source of approvers$/,
    t => t('approvalPolicy.needsApprovers'),
  ],
  [/^unknown field$/, t => t('validation.unknownField')],
  // The workflow's input guards (docs/workflow.md#guards).
  [
    /^an override needs a comment saying why$/,
    t => t('validation.overrideComment'),
  ],
  [/^\w+ needs a comment saying why$/, t => t('validation.commentRequired')],
  // The approval round and the risk level (docs/approvals.md, docs/risk.md).
  [
    /^a rejection needs a comment saying why$/,
    t => t('validation.commentRequired'),
  ],
  [
    /^is required to set the risk to (\w+): the assessment suggests (\w+)$/,
    (t, [, level, suggested]) =>
      t('risk.needsJustification', {
        level: levelLabel(t, level),
        suggested: levelLabel(t, suggested),
      }),
  ],
  [/^is only taken with the risk it justifies$/, t => t('risk.onlyWithRisk')],
  [/^closing needs an outcome$/, t => t('validation.outcomeRequired')],
  [
    /^an? (\S+) outcome needs notes$/,
    (t, [, outcome]) =>
      t('validation.outcomeNeedsNotes', { outcome: outcomeLabel(t, outcome) }),
  ],
  [
    /^\w+ needs a reason from the catalogue$/,
    t => t('validation.reasonRequired'),
  ],
  [
    /^not an active reason for \w+ in the catalogue$/,
    t => t('validation.notActiveReason'),
  ],
  [
    /^the resume date must be in the future$/,
    t => t('validation.resumeInFuture'),
  ],
  [
    /^an? (\w+) activity needs a note saying why$/,
    (t, [, status]) =>
      t('validation.activityNeedsNote', {
        status: activityStatusLabel(t, status),
      }),
  ],
];

/** What is wrong with a field, in the user's language when the kind is known. */
export function fieldErrorText(t: ReleaseT, error: FieldError): string {
  for (const [pattern, text] of rules) {
    const match = error.message.match(pattern);
    if (match) return text(t, match);
  }
  return error.message;
}

/** Wrong fields as one sentence, each named by its label: `Title: is required; …`. */
export function describeFieldErrorsIn(
  t: ReleaseT,
  errors: FieldError[],
): string {
  return errors
    .map(error =>
      t('validation.inField', {
        field: fieldLabel(t, error.field),
        message: fieldErrorText(t, error),
      }),
    )
    .join('; ');
}
