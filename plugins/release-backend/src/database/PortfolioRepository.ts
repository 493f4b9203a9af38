import { Portfolio, ReleaseModel } from '@internal/plugin-release-common';
import { Knex } from 'knex';

function parseJson(text: string | null | undefined) {
  return text ? JSON.parse(text) : null;
}

function portfolioFromRow(row: any): Portfolio {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    icon: row.icon,
    ownerGroup: row.owner_group,
    authorizerGroup: row.authorizer_group,
    approvalPolicy: parseJson(row.approval_policy),
    emergencyApprovalPolicy: parseJson(row.emergency_approval_policy),
  };
}

function modelFromRow(row: any): ReleaseModel {
  return {
    id: row.id,
    portfolioId: row.portfolio_id,
    name: row.name,
    description: row.description,
    category: row.category,
    defaultExecutorGroup: row.default_executor_group,
    defaultImpact: row.default_impact,
    defaultUrgency: row.default_urgency,
    lifecycle: row.lifecycle,
    planningTemplates: JSON.parse(row.planning_templates),
    deploymentTemplates: JSON.parse(row.deployment_templates),
    approvalPolicy: parseJson(row.approval_policy),
    emergencyApprovalPolicy: parseJson(row.emergency_approval_policy),
    readiness: parseJson(row.readiness) ?? [],
    minimumLeadTimeHours:
      row.minimum_lead_time_hours === null ||
      row.minimum_lead_time_hours === undefined
        ? null
        : Number(row.minimum_lead_time_hours),
  };
}

const portfolioColumns: Record<string, string> = {
  name: 'name',
  description: 'description',
  icon: 'icon',
  ownerGroup: 'owner_group',
  authorizerGroup: 'authorizer_group',
  approvalPolicy: 'approval_policy',
  emergencyApprovalPolicy: 'emergency_approval_policy',
};

const modelColumns: Record<string, string> = {
  name: 'name',
  description: 'description',
  category: 'category',
  defaultExecutorGroup: 'default_executor_group',
  defaultImpact: 'default_impact',
  defaultUrgency: 'default_urgency',
  lifecycle: 'lifecycle',
  planningTemplates: 'planning_templates',
  deploymentTemplates: 'deployment_templates',
  approvalPolicy: 'approval_policy',
  emergencyApprovalPolicy: 'emergency_approval_policy',
  readiness: 'readiness',
  minimumLeadTimeHours: 'minimum_lead_time_hours',
};

function toRow(
  changes: Record<string, unknown>,
  columns: Record<string, string>,
) {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) {
    if (changes[field] !== undefined) {
      // Lists and policies are stored as JSON text.
      const value = changes[field];
      row[column] =
        typeof value === 'object' && value !== null
          ? JSON.stringify(value)
          : value;
    }
  }
  return row;
}

/**
 * Portfolios and their release models
 * (docs/process.md#portfolios-and-release-models).
 */
export class PortfolioRepository {
  constructor(private readonly db: Knex) {}

  async list(): Promise<Portfolio[]> {
    const rows = await this.db('release_portfolios').orderBy('name');
    return rows.map(portfolioFromRow);
  }

  async get(id: string): Promise<Portfolio | undefined> {
    const row = await this.db('release_portfolios').where({ id }).first();
    return row ? portfolioFromRow(row) : undefined;
  }

  async findByName(name: string): Promise<Portfolio | undefined> {
    const row = await this.db('release_portfolios').where({ name }).first();
    return row ? portfolioFromRow(row) : undefined;
  }

  async insert(portfolio: Portfolio, now: Date): Promise<void> {
    await this.db('release_portfolios').insert({
      id: portfolio.id,
      created_at: now,
      updated_at: now,
      ...toRow(portfolio, portfolioColumns),
    });
  }

  async update(id: string, changes: Partial<Portfolio>, now: Date) {
    await this.db('release_portfolios')
      .where({ id })
      .update({ ...toRow(changes, portfolioColumns), updated_at: now });
    return this.get(id);
  }

  async listModels(portfolioId: string): Promise<ReleaseModel[]> {
    const rows = await this.db('release_models')
      .where({ portfolio_id: portfolioId })
      .orderBy('name');
    return rows.map(modelFromRow);
  }

  async getModel(id: string): Promise<ReleaseModel | undefined> {
    const row = await this.db('release_models').where({ id }).first();
    return row ? modelFromRow(row) : undefined;
  }

  async insertModel(model: ReleaseModel, now: Date): Promise<void> {
    await this.db('release_models').insert({
      id: model.id,
      portfolio_id: model.portfolioId,
      created_at: now,
      updated_at: now,
      ...toRow(model, modelColumns),
    });
  }

  async updateModel(id: string, changes: Partial<ReleaseModel>, now: Date) {
    await this.db('release_models')
      .where({ id })
      .update({ ...toRow(changes, modelColumns), updated_at: now });
    return this.getModel(id);
  }
}
