import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Portfolio,
  portfolioSchema,
  PortfolioSummary,
  releaseModelSchema,
  ReleaseModel,
  releasePortfolioManagePermission,
  updatePortfolioSchema,
  updateReleaseModelSchema,
} from '@internal/plugin-release-common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { runCatalogueChange } from './releaseChanges';
import { fieldError, parseInput } from './parseInput';
import { isUuid, ServiceContext } from './ServiceContext';

const periodSchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

const DAY = 24 * 60 * 60 * 1000;

/**
 * Portfolios, their release models and the portfolio page
 * (docs/process.md#portfolios-and-release-models).
 */
export class PortfolioService {
  constructor(private readonly context: ServiceContext) {}

  list(): Promise<Portfolio[]> {
    return this.context.store.portfolios.list();
  }

  async get(id: string): Promise<Portfolio & { models: ReleaseModel[] }> {
    const portfolio = await this.find(id);
    return {
      ...portfolio,
      models: await this.context.store.portfolios.listModels(id),
    };
  }

  async create(
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<Portfolio> {
    const input = parseInput(portfolioSchema, body);
    await this.context.authorizer.require(
      releasePortfolioManagePermission,
      credentials,
    );
    return runCatalogueChange(
      this.context,
      { subject: 'portfolio', change: 'created' },
      { credentials, meta: { name: input.name } },
      () =>
        this.context.store.transaction(async tx => {
          if (await tx.portfolios.findByName(input.name)) {
            throw new ConflictError(`A portfolio named "${input.name}" exists`);
          }
          const portfolio: Portfolio = {
            id: randomUUID(),
            name: input.name,
            description: input.description ?? '',
            icon: input.icon ?? null,
            ownerGroup: input.ownerGroup ?? null,
            authorizerGroup: input.authorizerGroup ?? null,
            approvalPolicy: input.approvalPolicy ?? null,
            emergencyApprovalPolicy: input.emergencyApprovalPolicy ?? null,
          };
          await tx.portfolios.insert(portfolio, this.context.now());
          return portfolio;
        }),
    );
  }

  async update(
    id: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<Portfolio> {
    const input = parseInput(updatePortfolioSchema, body);
    await this.context.authorizer.require(
      releasePortfolioManagePermission,
      credentials,
    );
    await this.find(id);
    return runCatalogueChange(
      this.context,
      { subject: 'portfolio', change: 'updated' },
      { credentials, meta: { id } },
      () =>
        this.context.store.transaction(async tx => {
          if (input.name) {
            const named = await tx.portfolios.findByName(input.name);
            if (named && named.id !== id) {
              throw new ConflictError(
                `A portfolio named "${input.name}" exists`,
              );
            }
          }
          return (await tx.portfolios.update(id, input, this.context.now()))!;
        }),
    );
  }

  async createModel(
    portfolioId: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseModel> {
    const input = parseInput(releaseModelSchema, body);
    await this.context.authorizer.require(
      releasePortfolioManagePermission,
      credentials,
    );
    await this.find(portfolioId);
    return runCatalogueChange(
      this.context,
      { subject: 'model', change: 'created' },
      { credentials, meta: { portfolioId } },
      () =>
        this.context.store.transaction(async tx => {
          const models = await tx.portfolios.listModels(portfolioId);
          if (models.some(m => m.name === input.name)) {
            throw new ConflictError(
              `The portfolio has a model named "${input.name}"`,
            );
          }
          const model: ReleaseModel = {
            id: randomUUID(),
            portfolioId,
            name: input.name,
            description: input.description ?? '',
            category: input.category ?? null,
            defaultExecutorGroup: input.defaultExecutorGroup ?? null,
            defaultImpact: input.defaultImpact ?? null,
            defaultUrgency: input.defaultUrgency ?? null,
            lifecycle: input.lifecycle ?? 'new',
            planningTemplates: input.planningTemplates ?? [],
            deploymentTemplates: input.deploymentTemplates ?? [],
            approvalPolicy: input.approvalPolicy ?? null,
            emergencyApprovalPolicy: input.emergencyApprovalPolicy ?? null,
            readiness: input.readiness ?? [],
            minimumLeadTimeHours: input.minimumLeadTimeHours ?? null,
          };
          await tx.portfolios.insertModel(model, this.context.now());
          return model;
        }),
    );
  }

  async updateModel(
    portfolioId: string,
    modelId: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseModel> {
    const input = parseInput(updateReleaseModelSchema, body);
    await this.context.authorizer.require(
      releasePortfolioManagePermission,
      credentials,
    );
    return runCatalogueChange(
      this.context,
      { subject: 'model', change: 'updated' },
      { credentials, meta: { portfolioId, modelId } },
      () =>
        this.context.store.transaction(async tx => {
          const model = isUuid(modelId)
            ? await tx.portfolios.getModel(modelId)
            : undefined;
          if (!model || model.portfolioId !== portfolioId) {
            throw new NotFoundError(
              `No release model ${modelId} in this portfolio`,
            );
          }
          // The lifecycle only moves forward: new → active → retired.
          const order = ['new', 'active', 'retired'];
          if (
            input.lifecycle &&
            order.indexOf(input.lifecycle) < order.indexOf(model.lifecycle)
          ) {
            throw fieldError(
              'lifecycle',
              `a ${model.lifecycle} model cannot go back to ${input.lifecycle}`,
            );
          }
          return (await tx.portfolios.updateModel(
            modelId,
            input,
            this.context.now(),
          ))!;
        }),
    );
  }

  async summary(
    id: string,
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<PortfolioSummary> {
    const period = parseInput(periodSchema, query);
    const portfolio = await this.find(id);
    const now = this.context.now();
    const to = period.to
      ? new Date(period.to)
      : new Date(now.getTime() + 30 * DAY);
    const from = period.from
      ? new Date(period.from)
      : new Date(to.getTime() - 120 * DAY);
    if (to <= from) {
      throw fieldError('to', 'must be after from');
    }
    const visibility = await this.context.authorizer.visibility(credentials);
    const figures = await this.context.store.summaries.summarize({
      portfolioId: id,
      from,
      to,
      now,
      visibility,
    });
    return {
      portfolio,
      from: from.toISOString(),
      to: to.toISOString(),
      ...figures,
    };
  }

  private async find(id: string): Promise<Portfolio> {
    const portfolio = isUuid(id)
      ? await this.context.store.portfolios.get(id)
      : undefined;
    if (!portfolio) {
      throw new NotFoundError(`No portfolio ${id}`);
    }
    return portfolio;
  }
}
