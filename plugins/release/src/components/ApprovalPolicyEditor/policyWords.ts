import {
  ApprovalPolicy,
  ApprovalStep,
  ApproverSource,
} from '@internal/plugin-release-common';
import type { ReleaseLabels } from '../labels';

/** "a, b and c" or "a, b or c" in the user's language. */
const listOf = (
  labels: ReleaseLabels,
  items: string[],
  type: 'conjunction' | 'disjunction',
) => new Intl.ListFormat(labels.locale, { type }).format(items);

function sourceWords(labels: ReleaseLabels, source: ApproverSource): string {
  const { t } = labels;
  if (source.kind === 'group') return source.group;
  if (source.kind === 'requester') return t('approvalPolicy.words.requester');
  const kinds = listOf(
    labels,
    source.entityKinds.map(kind => t(`approvalPolicy.kinds.${kind}`)),
    'conjunction',
  );
  return source.maxDistance === 0
    ? t('approvalPolicy.words.relatedOwners', { kinds })
    : t('approvalPolicy.words.impactedOwners', {
        kinds,
        // "1 hop", "2 hops".
        distance: t('common.hops', { count: source.maxDistance }),
      });
}

function stepWords(
  labels: ReleaseLabels,
  step: ApprovalStep,
  position: number,
): string {
  const { t } = labels;
  const approvers = listOf(
    labels,
    step.approvers.map(source => sourceWords(labels, source)),
    'disjunction',
  );
  const quorum =
    step.quorum === 'all'
      ? t('approvalPolicy.words.quorumAll', { approvers })
      : t('approvalPolicy.words.quorumCount', {
          number: labels.number(step.quorum),
          approvers,
        });
  const words = t('approvalPolicy.words.step', {
    position: labels.number(position),
    name: step.name,
    quorum,
  });
  const { condition } = step;
  if (condition.kind === 'risk-at-least') {
    return t('approvalPolicy.words.whenRisk', {
      step: words,
      level: labels.level(condition.level),
    });
  }
  if (condition.kind === 'type-is') {
    return t('approvalPolicy.words.whenType', {
      step: words,
      types: listOf(labels, condition.types.map(labels.type), 'disjunction'),
    });
  }
  return words;
}

/**
 * A policy in one sentence (docs/process.md#approval-policies), e.g.
 * "1. CAB — 2 of group:default/cab, when risk is high or more;
 * 2. Owners — all of the owners of impacted systems (≤ 2 hops)".
 */
export function policyWords(
  labels: ReleaseLabels,
  policy: ApprovalPolicy,
): string {
  return policy.steps
    .map((step, index) => stepWords(labels, step, index + 1))
    .join('; ');
}
