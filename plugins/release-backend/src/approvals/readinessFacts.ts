import {
  checkReadiness,
  ReadinessCheck,
  ReadinessItem,
  Release,
  ReleaseDetails,
} from '@internal/plugin-release-common';

/**
 * The model's readiness items judged on the release and its parts
 * (docs/approvals.md#readiness).
 */
export function readinessOf(
  items: ReadonlyArray<ReadinessItem>,
  release: Pick<Release, 'backoutPlan' | 'testEvidenceUrl'>,
  parts: Pick<ReleaseDetails, 'activities' | 'relations' | 'media'>,
): ReadinessCheck[] {
  return checkReadiness(items, {
    backoutPlan: release.backoutPlan,
    testEvidenceUrl: release.testEvidenceUrl,
    activities: parts.activities,
    mediaCount: parts.media.length,
    externalRelationKinds: parts.relations
      .filter(relation => relation.kind !== 'ci')
      .map(relation => relation.kind),
  });
}
