import { createApiRef } from '@backstage/core-plugin-api';
import {
  AddMediaRequest,
  ApprovalDecisionRequest,
  AddRelationRequest,
  ClosedReleaseSearchResult,
  CreateActivityRequest,
  DeliveryComparison,
  DeliveryComparisonQuery,
  DeliveryMetrics,
  DeliveryMetricsQuery,
  BlackoutList,
  DefinitiveMediaItem,
  EntityReleaseOverview,
  EditReleaseRequest,
  Justification,
  JustificationRequest,
  Portfolio,
  PortfolioRequest,
  PortfolioSummary,
  RegisterReleaseRequest,
  Release,
  ReleaseActivity,
  ReleaseBreakdown,
  ReleaseConflicts,
  ReleaseImpact,
  ReleaseDetails,
  ReleaseHistoryEntry,
  ReleaseList,
  ReleaseModel,
  ReleaseModelRequest,
  ReleaseRelation,
  TransitionRequest,
  UpdateActivityRequest,
} from '@internal/plugin-release-common';

/**
 * What `GET /api/release/health` reports.
 *
 * @public
 */
export type ReleaseServiceHealth = {
  status: 'ok' | 'unavailable';
  database: boolean;
};

/**
 * Query parameters: a value or a list of values (repeated parameter).
 *
 * @public
 */
export type ReleaseQueryParams = Record<
  string,
  string | number | boolean | Array<string | number> | undefined
>;

/**
 * The scope, period and bucket of `getDeliveryMetrics`; what is left out
 * takes the backend's default (every release, the last twelve months, by
 * month).
 *
 * @public
 */
export type DeliveryMetricsParams = Partial<
  Omit<DeliveryMetricsQuery, 'format'>
>;

/** @public */
export type PortfolioWithModels = Portfolio & { models: ReleaseModel[] };

/**
 * Client of the release backend's REST API (see the backend plugin's README).
 *
 * @public
 */
export interface ReleaseApi {
  getHealth(): Promise<ReleaseServiceHealth>;

  listReleases(query?: ReleaseQueryParams): Promise<ReleaseList>;
  /** The desktop's charts over the same filters as `listReleases`. */
  getBreakdown(query?: ReleaseQueryParams): Promise<ReleaseBreakdown>;
  /**
   * How many releases wait for the caller's decision on their current
   * approval step (`awaitingApprovalBy=me`, docs/process.md#the-desktop).
   */
  countAwaitingMyApproval(): Promise<number>;
  registerRelease(request: RegisterReleaseRequest): Promise<ReleaseDetails>;
  getRelease(id: string): Promise<ReleaseDetails>;
  editRelease(id: string, request: EditReleaseRequest): Promise<ReleaseDetails>;
  transition(id: string, request: TransitionRequest): Promise<ReleaseDetails>;
  /**
   * Approves or rejects the current step of the release's approval round
   * (docs/approvals.md); answers the release as it is after the decision.
   */
  decideApproval(
    id: string,
    request: ApprovalDecisionRequest,
  ): Promise<ReleaseDetails>;
  getHistory(id: string): Promise<ReleaseHistoryEntry[]>;

  addActivity(
    id: string,
    request: CreateActivityRequest,
  ): Promise<ReleaseActivity>;
  updateActivity(
    id: string,
    activityId: string,
    request: UpdateActivityRequest,
  ): Promise<ReleaseActivity>;
  removeActivity(id: string, activityId: string): Promise<void>;

  addRelation(
    id: string,
    request: AddRelationRequest,
  ): Promise<ReleaseRelation>;
  removeRelation(id: string, relationId: string): Promise<void>;
  addMedia(id: string, request: AddMediaRequest): Promise<DefinitiveMediaItem>;
  removeMedia(id: string, mediaId: string): Promise<void>;

  /**
   * What the release reaches in the catalog (docs/impact.md), read as the
   * caller.
   */
  getImpact(id: string, depth?: number): Promise<ReleaseImpact>;
  /** Overlapping releases on shared entities, and blackouts its window meets. */
  getConflicts(id: string): Promise<ReleaseConflicts>;
  /** Configured blackout windows and their occurrences in a period. */
  getBlackouts(period?: { from?: string; to?: string }): Promise<BlackoutList>;
  /** The entity card's figures: releases in flight, next window, warnings. */
  getEntityOverview(entityRef: string): Promise<EntityReleaseOverview>;

  searchClosed(query?: ReleaseQueryParams): Promise<ClosedReleaseSearchResult>;
  /** Every match of the search as a CSV file. */
  exportClosedCsv(query?: ReleaseQueryParams): Promise<Blob>;
  getCalendar(from: string, to: string): Promise<Release[]>;

  listJustifications(): Promise<Justification[]>;
  createJustification(request: JustificationRequest): Promise<Justification>;
  updateJustification(
    id: string,
    request: Partial<JustificationRequest>,
  ): Promise<Justification>;

  listPortfolios(): Promise<Portfolio[]>;
  getPortfolio(id: string): Promise<PortfolioWithModels>;
  createPortfolio(request: PortfolioRequest): Promise<Portfolio>;
  updatePortfolio(
    id: string,
    request: Partial<PortfolioRequest>,
  ): Promise<Portfolio>;
  createModel(
    portfolioId: string,
    request: ReleaseModelRequest,
  ): Promise<ReleaseModel>;
  updateModel(
    portfolioId: string,
    modelId: string,
    request: Partial<ReleaseModelRequest>,
  ): Promise<ReleaseModel>;
  getPortfolioSummary(
    id: string,
    period?: { from?: string; to?: string },
  ): Promise<PortfolioSummary>;

  /** Delivery figures of a scope over a period and per bucket (docs/metrics.md). */
  getDeliveryMetrics(query?: DeliveryMetricsParams): Promise<DeliveryMetrics>;
  /** The same figures as a CSV file, one row per bucket. */
  exportDeliveryCsv(query?: DeliveryMetricsParams): Promise<Blob>;
  /** The period's figures of every executor group or every system. */
  getDeliveryComparison(
    query: DeliveryComparisonQuery,
  ): Promise<DeliveryComparison>;
}

/** @public */
export const releaseApiRef = createApiRef<ReleaseApi>({
  id: 'plugin.release.api',
});
