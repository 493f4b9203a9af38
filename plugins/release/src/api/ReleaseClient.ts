import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AddMediaRequest,
  ApprovalDecisionRequest,
  AddRelationRequest,
  BlackoutList,
  ClosedReleaseSearchResult,
  CreateActivityRequest,
  DeliveryComparison,
  DeliveryComparisonQuery,
  DeliveryMetrics,
  DefinitiveMediaItem,
  EditReleaseRequest,
  EntityReleaseOverview,
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
  ReleaseDetails,
  ReleaseHistoryEntry,
  ReleaseImpact,
  ReleaseList,
  ReleaseModel,
  ReleaseModelRequest,
  ReleaseRelation,
  TransitionRequest,
  UpdateActivityRequest,
} from '@internal/plugin-release-common';
import {
  DeliveryMetricsParams,
  PortfolioWithModels,
  ReleaseApi,
  ReleaseQueryParams,
  ReleaseServiceHealth,
} from './ReleaseApi';

function toSearchParams(query: ReleaseQueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const enc = encodeURIComponent;

/**
 * {@link ReleaseApi} over HTTP, authenticated by the app's fetch API. Errors
 * arrive as `ResponseError`, carrying the backend's message and status.
 *
 * @public
 */
export class ReleaseClient implements ReleaseApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<ReleaseServiceHealth> {
    const response = await this.request('/health');
    // The health endpoint answers 503 with a body when the database is down.
    if (response.status === 503) {
      return (await response.json()) as ReleaseServiceHealth;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ReleaseServiceHealth;
  }

  listReleases(query?: ReleaseQueryParams): Promise<ReleaseList> {
    return this.json(`/releases${toSearchParams(query)}`);
  }

  getBreakdown(query?: ReleaseQueryParams): Promise<ReleaseBreakdown> {
    return this.json(`/releases/breakdown${toSearchParams(query)}`);
  }

  async countAwaitingMyApproval(): Promise<number> {
    // One row is the least a page may hold; only its total is wanted.
    const list = await this.listReleases({
      awaitingApprovalBy: 'me',
      limit: 1,
    });
    return list.totalCount;
  }

  registerRelease(request: RegisterReleaseRequest): Promise<ReleaseDetails> {
    return this.json('/releases', 'POST', request);
  }

  getRelease(id: string): Promise<ReleaseDetails> {
    return this.json(`/releases/${enc(id)}`);
  }

  editRelease(
    id: string,
    request: EditReleaseRequest,
  ): Promise<ReleaseDetails> {
    return this.json(`/releases/${enc(id)}`, 'PATCH', request);
  }

  transition(id: string, request: TransitionRequest): Promise<ReleaseDetails> {
    return this.json(`/releases/${enc(id)}/transitions`, 'POST', request);
  }

  decideApproval(
    id: string,
    request: ApprovalDecisionRequest,
  ): Promise<ReleaseDetails> {
    return this.json(`/releases/${enc(id)}/approvals`, 'POST', request);
  }

  async getHistory(id: string): Promise<ReleaseHistoryEntry[]> {
    const body = await this.json<{ items: ReleaseHistoryEntry[] }>(
      `/releases/${enc(id)}/history`,
    );
    return body.items;
  }

  addActivity(
    id: string,
    request: CreateActivityRequest,
  ): Promise<ReleaseActivity> {
    return this.json(`/releases/${enc(id)}/activities`, 'POST', request);
  }

  updateActivity(
    id: string,
    activityId: string,
    request: UpdateActivityRequest,
  ): Promise<ReleaseActivity> {
    return this.json(
      `/releases/${enc(id)}/activities/${enc(activityId)}`,
      'PATCH',
      request,
    );
  }

  async removeActivity(id: string, activityId: string): Promise<void> {
    await this.json(
      `/releases/${enc(id)}/activities/${enc(activityId)}`,
      'DELETE',
    );
  }

  addRelation(
    id: string,
    request: AddRelationRequest,
  ): Promise<ReleaseRelation> {
    return this.json(`/releases/${enc(id)}/relations`, 'POST', request);
  }

  async removeRelation(id: string, relationId: string): Promise<void> {
    await this.json(
      `/releases/${enc(id)}/relations/${enc(relationId)}`,
      'DELETE',
    );
  }

  addMedia(id: string, request: AddMediaRequest): Promise<DefinitiveMediaItem> {
    return this.json(`/releases/${enc(id)}/media`, 'POST', request);
  }

  async removeMedia(id: string, mediaId: string): Promise<void> {
    await this.json(`/releases/${enc(id)}/media/${enc(mediaId)}`, 'DELETE');
  }

  searchClosed(query?: ReleaseQueryParams): Promise<ClosedReleaseSearchResult> {
    return this.json(`/search/closed${toSearchParams(query)}`);
  }

  exportClosedCsv(query: ReleaseQueryParams = {}): Promise<Blob> {
    return this.blob(
      `/search/closed${toSearchParams({ ...query, format: 'csv' })}`,
    );
  }

  async getCalendar(from: string, to: string): Promise<Release[]> {
    const body = await this.json<{ items: Release[] }>(
      `/calendar${toSearchParams({ from, to })}`,
    );
    return body.items;
  }

  async listJustifications(): Promise<Justification[]> {
    return (await this.json<{ items: Justification[] }>('/justifications'))
      .items;
  }

  createJustification(request: JustificationRequest): Promise<Justification> {
    return this.json('/justifications', 'POST', request);
  }

  updateJustification(
    id: string,
    request: Partial<JustificationRequest>,
  ): Promise<Justification> {
    return this.json(`/justifications/${enc(id)}`, 'PATCH', request);
  }

  async listPortfolios(): Promise<Portfolio[]> {
    return (await this.json<{ items: Portfolio[] }>('/portfolios')).items;
  }

  getPortfolio(id: string): Promise<PortfolioWithModels> {
    return this.json(`/portfolios/${enc(id)}`);
  }

  createPortfolio(request: PortfolioRequest): Promise<Portfolio> {
    return this.json('/portfolios', 'POST', request);
  }

  updatePortfolio(
    id: string,
    request: Partial<PortfolioRequest>,
  ): Promise<Portfolio> {
    return this.json(`/portfolios/${enc(id)}`, 'PATCH', request);
  }

  createModel(
    portfolioId: string,
    request: ReleaseModelRequest,
  ): Promise<ReleaseModel> {
    return this.json(`/portfolios/${enc(portfolioId)}/models`, 'POST', request);
  }

  updateModel(
    portfolioId: string,
    modelId: string,
    request: Partial<ReleaseModelRequest>,
  ): Promise<ReleaseModel> {
    return this.json(
      `/portfolios/${enc(portfolioId)}/models/${enc(modelId)}`,
      'PATCH',
      request,
    );
  }

  getImpact(id: string, depth?: number): Promise<ReleaseImpact> {
    return this.json(`/releases/${enc(id)}/impact${toSearchParams({ depth })}`);
  }

  getConflicts(id: string): Promise<ReleaseConflicts> {
    return this.json(`/releases/${enc(id)}/conflicts`);
  }

  getBlackouts(
    period: { from?: string; to?: string } = {},
  ): Promise<BlackoutList> {
    return this.json(`/blackouts${toSearchParams(period)}`);
  }

  getEntityOverview(entityRef: string): Promise<EntityReleaseOverview> {
    return this.json(`/entity-overview${toSearchParams({ entityRef })}`);
  }

  getPortfolioSummary(
    id: string,
    period: { from?: string; to?: string } = {},
  ): Promise<PortfolioSummary> {
    return this.json(`/portfolios/${enc(id)}/summary${toSearchParams(period)}`);
  }

  getDeliveryMetrics(
    query: DeliveryMetricsParams = {},
  ): Promise<DeliveryMetrics> {
    return this.json(`/metrics${toSearchParams(query)}`);
  }

  exportDeliveryCsv(query: DeliveryMetricsParams = {}): Promise<Blob> {
    return this.blob(`/metrics${toSearchParams({ ...query, format: 'csv' })}`);
  }

  getDeliveryComparison(
    query: DeliveryComparisonQuery,
  ): Promise<DeliveryComparison> {
    return this.json(`/metrics/comparison${toSearchParams(query)}`);
  }

  private async blob(path: string): Promise<Blob> {
    const response = await this.request(path);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.blob();
  }

  private async json<T>(
    path: string,
    method = 'GET',
    body?: unknown,
  ): Promise<T> {
    const response = await this.request(path, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('release');
    return this.fetchApi.fetch(`${baseUrl}${path}`, init);
  }
}
