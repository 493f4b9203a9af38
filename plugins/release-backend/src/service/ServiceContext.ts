import {
  BackstageCredentials,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BlackoutWindow,
  Release,
  ReleaseAction,
  releaseReadPermission,
  ReleaseDetails,
} from '@internal/plugin-release-common';
import { ReleaseRepositories, ReleaseStore } from '../database/ReleaseStore';
import { ReleaseChangePublisher } from '../changes/ReleaseChangePublisher';
import { ReleaseSignalPublisher } from '../signals/ReleaseSignalPublisher';
import { ImpactSettings } from '../impact/impactConfig';
import { MetricsSettings } from '../metrics/metricsSettings';
import { RiskAssessor } from '../risk/RiskAssessor';
import { ReleasePermissionResource, withoutRuleFacts } from '../permissions';
import { ReleaseAuthorizer } from './ReleaseAuthorizer';
import { readApprovalState } from './approvalDetails';

/** What every use case works with. */
export type ServiceContext = {
  store: ReleaseStore;
  authorizer: ReleaseAuthorizer;
  catalog: CatalogService;
  logger: LoggerService;
  /** The time now; tests pin it. */
  now: () => Date;
  /** How far impact walks go (`release.impact`). */
  impact: Pick<ImpactSettings, 'depth' | 'relations'>;
  /** `release.blackoutWindows`. */
  blackoutWindows: BlackoutWindow[];
  /** `release.metrics`; the defaults when absent. */
  metrics?: MetricsSettings;
  /** The risk assessment (`release.risk`, docs/risk.md). */
  risk: RiskAssessor;
  /** The plugin's own credentials, for work done on nobody's behalf. */
  serviceCredentials: () => Promise<BackstageCredentials>;
  /** Every change goes through it: audit, then event, signal, notifications. */
  changes: ReleaseChangePublisher;
  /** What a release touches, read before a change that may shrink it. */
  signals?: ReleaseSignalPublisher;
  /** The caller's ownership refs, for approvals; the user alone without it. */
  userInfo?: UserInfoService;
  /** `release.approvals` (docs/approvals.md#separation-of-duties). */
  approvals?: ApprovalSettings;
};

/** `release.approvals`. */
export type ApprovalSettings = {
  /** The requester and manager may not decide their release's steps. */
  separationOfDuties: boolean;
};

/** Loads a release the caller may read: 404 when unknown, 403 when hidden. */
export async function loadReadableRelease(
  context: ServiceContext,
  repositories: ReleaseRepositories,
  id: string,
  credentials: BackstageCredentials,
): Promise<ReleasePermissionResource> {
  const release = await findRelease(repositories, id);
  if (
    !(await context.authorizer.can(releaseReadPermission, release, credentials))
  ) {
    throw new NotAllowedError(`You may not see ${release.number}`);
  }
  return release;
}

/** A release by id, whoever asks: 404 when unknown. */
export async function findRelease(
  repositories: ReleaseRepositories,
  id: string,
): Promise<ReleasePermissionResource> {
  const [release] = isUuid(id)
    ? await repositories.releases.getResources([id])
    : [undefined];
  if (!release) {
    throw new NotFoundError(`No release with id ${id}`);
  }
  return release;
}

/** What a release page shows besides the release record itself. */
export type ReleaseParts = Pick<
  ReleaseDetails,
  'activities' | 'relations' | 'media'
>;

/** A release's activities, relations and media, read side by side. */
export async function readReleaseParts(
  context: ServiceContext,
  releaseId: string,
): Promise<ReleaseParts> {
  const [activities, relations, media] = await Promise.all([
    context.store.activities.listForRelease(releaseId),
    context.store.relations.listForRelease(releaseId),
    context.store.relations.listMedia(releaseId),
  ]);
  return { activities, relations, media };
}

/**
 * The release with its activities, relations, media and allowed actions
 * (given, when the caller's decisions are at hand already; the parts, when
 * they are being read already).
 */
export async function releaseDetails(
  context: ServiceContext,
  release: ReleasePermissionResource,
  credentials: BackstageCredentials,
  knownActions?: ReleaseAction[],
  parts: Promise<ReleaseParts> = readReleaseParts(context, release.id),
): Promise<ReleaseDetails> {
  const [{ activities, relations, media }, approval, riskAssessment] =
    await Promise.all([
      parts,
      readApprovalState(context, release, credentials),
      context.risk.assessmentOf(release, parts),
    ]);
  const allowedActions =
    knownActions ??
    (await context.authorizer.allowedActions(
      { ...release, hasApprovalPolicy: approval.hasApprovalPolicy },
      credentials,
    ));
  const record = withoutRuleFacts(release);
  return {
    ...(record as Release),
    // The level as assessed now: it may have followed the suggestion since
    // the record was read.
    risk: riskAssessment.level,
    activities,
    relations,
    media,
    allowedActions,
    approvals: approval.approvals,
    readiness: approval.readiness({ activities, relations, media }),
    riskAssessment,
  };
}

const uuidPattern =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return uuidPattern.test(text);
}
