import {
  TranslationFunction,
  useTranslationRef,
} from '@backstage/core-plugin-api/alpha';
import {
  ActivityStatus,
  ApprovalRoundStatus,
  ApprovalStepStatus,
  CiRole,
  ExternalRelationKind,
  Level,
  ReadinessItem,
  ReleaseAction,
  ReleaseOutcome,
  ReleaseStatus,
  ReleaseType,
  RiskFactorName,
} from '@internal/plugin-release-common';
import { useMemo } from 'react';
import { releaseTranslationRef } from '../../translations';
import { releaseFormats } from './formatting';
import { useReleaseLocale } from './useReleaseLocale';

/** The release plugin's translation function. */
export type ReleaseT = TranslationFunction<typeof releaseTranslationRef.T>;

/**
 * How the workflow's values read in the user's language: states, actions,
 * priorities, levels, types, outcomes, CI roles and activity states; and
 * its dates, durations and numbers in `locale`.
 */
export function releaseLabels(t: ReleaseT, locale: string = 'en') {
  const format = releaseFormats(locale);
  return {
    ...format,
    status: (status: ReleaseStatus) => t(`status.${status}`),
    action: (action: ReleaseAction) => t(`action.${action}`),
    priority: (priority: number) =>
      t(`priority.${String(priority) as '1' | '2' | '3' | '4' | '5'}`),
    level: (level: Level) => t(`level.${level}`),
    type: (type: ReleaseType) => t(`releaseType.${type}`),
    outcome: (outcome: ReleaseOutcome) => t(`outcome.${outcome}`),
    ciRole: (role: CiRole) => t(`ciRole.${role}`),
    activityStatus: (status: ActivityStatus) => t(`activityStatus.${status}`),
    relationKind: (kind: ExternalRelationKind | 'ci') =>
      kind === 'ci' ? t('relations.ci') : t(`relationKind.${kind}`),
    // Approvals, readiness and risk (docs/approvals.md, docs/risk.md).
    readinessItem: (item: ReadinessItem) => t(`readinessItem.${item}`),
    roundStatus: (status: ApprovalRoundStatus) =>
      t(`approvalRoundStatus.${status}`),
    stepStatus: (status: ApprovalStepStatus) =>
      t(`approvalStepStatus.${status}`),
    riskFactor: (factor: RiskFactorName) => t(`riskFactor.${factor}`),
    /** A planned window, or "not planned". */
    window: (
      start: string | null | undefined,
      end: string | null | undefined,
    ) => format.window(start, end) ?? t('common.notPlanned'),
  };
}

/** The workflow's labels and the translation function. */
export type ReleaseLabels = ReturnType<typeof releaseLabels> & { t: ReleaseT };

/** The labels and formats of `releaseLabels`, in the language the user chose. */
export function useReleaseLabels(): ReleaseLabels {
  const { t } = useTranslationRef(releaseTranslationRef);
  const locale = useReleaseLocale();
  return useMemo(() => ({ t, ...releaseLabels(t, locale) }), [t, locale]);
}
