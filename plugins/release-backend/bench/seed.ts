import { parseEntityRef } from '@backstage/catalog-model';
import { ImpactedEntity } from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  impactReleaseState,
  impactRow,
} from '../src/database/ImpactRepository';

/** A CI the seed has no catalog for, as the index records one. */
function unknownCi(entityRef: string): ImpactedEntity {
  const { kind, name } = parseEntityRef(entityRef);
  return {
    entityRef,
    kind,
    title: name,
    owner: null,
    tags: [],
    lifecycle: null,
    distance: 0,
    via: entityRef,
    path: [],
  };
}

/*
 * Realistic volumes: releases across four portfolios and a spread of states
 * (most closed, as in a portal that has run for years), each with activities,
 * CI relations and history.
 */

const words = [
  'orders',
  'payments',
  'billing',
  'checkout',
  'search',
  'gateway',
  'auth',
  'accounts',
  'fraud',
  'invoices',
  'reporting',
  'warehouse',
  'catalog',
  'notifications',
  'storefront',
  'mobile',
  'cluster',
  'database',
  'cache',
  'queue',
];
const cis = [
  'component:default/orders-service',
  'component:default/checkout-service',
  'component:default/payment-gateway',
  'component:default/billing-service',
  'component:default/auth-service',
  'component:default/search-service',
  'resource:default/orders-db',
  'resource:default/payments-db',
  'resource:default/prod-k8s-cluster',
  'api:default/orders-api',
];
const groups = [
  'platform-team',
  'payments-team',
  'storefront-team',
  'data-team',
].map(g => `group:default/${g}`);
const users = [
  'ana.souza',
  'bruno.lima',
  'carla.mendes',
  'elena.petrova',
  'grace.okafor',
].map(u => `user:default/${u}`);
const openStatuses = [
  'registered',
  'planning',
  'authorized',
  'deployment',
  'executed',
  'suspended',
];
const levels = ['low', 'medium', 'high'];
const types = ['major', 'minor', 'emergency'];
const outcomes = [
  'successful',
  'successful',
  'successful',
  'partial',
  'failed',
  'rolled-back',
];

const DAY = 24 * 3600 * 1000;

/** 70% closed, 5% cancelled, the rest spread over the open states. */
function statusOf(i: number): string {
  const roll = (i * 7919) % 100;
  if (roll < 70) return 'closed';
  if (roll < 75) return 'cancelled';
  return openStatuses[i % openStatuses.length];
}

function pick<T>(list: T[], i: number): T {
  return list[i % list.length];
}

async function insertInBatches(knex: Knex, table: string, rows: object[]) {
  // SQLite allows 32766 bound variables and 500 compound SELECTs (Knex's
  // multi-row insert there) per statement.
  const size = Math.min(
    500,
    Math.max(1, Math.floor(30_000 / Object.keys(rows[0]).length)),
  );
  for (let i = 0; i < rows.length; i += size) {
    await knex(table).insert(rows.slice(i, i + size));
  }
}

export type SeededData = { portfolioIds: string[]; registeredIds: string[] };

/** The CMDB the releases relate to, and what each CI reaches in it. */
export type SeedCatalog = {
  ciRefs: string[];
  impactOf: Map<string, ImpactedEntity[]>;
  /** The CI of the i-th release; by default spread over `ciRefs`. */
  ciOf?: (i: number) => string;
};

export async function seed(
  knex: Knex,
  releaseCount: number,
  catalog?: SeedCatalog,
): Promise<SeededData> {
  const now = Date.now();
  const portfolioIds = ['Commerce', 'Payments', 'Platform', 'Data'].map(() =>
    randomUUID(),
  );
  await knex('release_portfolios').insert(
    portfolioIds.map((id, i) => ({
      id,
      name: `${['Commerce', 'Payments', 'Platform', 'Data'][i]} releases`,
      description: '',
      authorizer_group: 'group:default/release-managers',
      created_at: new Date(now),
      updated_at: new Date(now),
    })),
  );

  const registeredIds: string[] = [];
  const chunk = 5_000;
  for (let start = 0; start < releaseCount; start += chunk) {
    const releases: object[] = [];
    const activities: object[] = [];
    const relations: object[] = [];
    const history: object[] = [];
    const impact: object[] = [];
    for (let i = start; i < Math.min(start + chunk, releaseCount); i++) {
      const id = randomUUID();
      const created =
        now - (releaseCount - i) * ((3 * 365 * DAY) / releaseCount);
      const status = statusOf(i);
      const finished = status === 'closed' || status === 'cancelled';
      const plannedStart = created + 14 * DAY;
      // Deployed releases started up to two hours late and took three.
      const deployed = ['deployment', 'executed', 'closed'].includes(status);
      const actualStart = plannedStart + (i % 5) * 30 * 60 * 1000;
      const executed = status === 'executed' || status === 'closed';
      if (status === 'registered') registeredIds.push(id);
      const release = {
        id,
        number: i + 1,
        title: `${pick(words, i)} ${pick(words, i * 3 + 1)} ${1 + (i % 9)}.${
          i % 20
        }`,
        description: `Release of the ${pick(
          words,
          i * 5 + 2,
        )} service with ${pick(words, i * 11 + 3)} changes`,
        type: pick(types, i),
        impact: pick(levels, i),
        urgency: pick(levels, i * 2 + 1),
        priority: 1 + (i % 5),
        risk: pick(levels, i * 5),
        business_justification: 'Planned improvement',
        requester: pick(users, i),
        manager: pick(users, i + 1),
        executor_group: pick(groups, i),
        portfolio_id: pick(portfolioIds, i),
        planned_start: new Date(plannedStart),
        planned_end: new Date(plannedStart + 4 * 3600 * 1000),
        actual_start: deployed ? new Date(actualStart) : null,
        actual_end: executed ? new Date(actualStart + 3 * 3600 * 1000) : null,
        rework_count: executed && i % 17 === 0 ? 1 : 0,
        status,
        outcome: status === 'closed' ? pick(outcomes, i) : null,
        closure_notes: status === 'closed' ? 'Deployed as planned' : null,
        created_by: pick(users, i),
        created_at: new Date(created),
        updated_at: new Date(created),
        closed_at: finished ? new Date(plannedStart + DAY) : null,
        version: finished ? 8 : 2,
      };
      releases.push(release);
      ['Scope', 'Rollback plan', 'Deploy'].forEach((title, position) =>
        activities.push({
          id: randomUUID(),
          release_id: id,
          phase: position < 2 ? 'planning' : 'deployment',
          position: position < 2 ? position : 0,
          title,
          description: '',
          assignee: pick(users, i + position),
          assignee_group: pick(groups, i),
          due_at: new Date(plannedStart),
          status: finished ? 'done' : 'pending',
          created_at: new Date(created),
          updated_at: new Date(created),
        }),
      );
      const ciRef = catalog
        ? catalog.ciOf?.(i) ?? pick(catalog.ciRefs, i * 31)
        : pick(cis, i);
      const state = impactReleaseState(release);
      // The index holds every CI, found in the catalog or not.
      const reached = catalog?.impactOf.get(ciRef) ?? [unknownCi(ciRef)];
      for (const entity of reached) {
        impact.push(impactRow(id, entity, state));
      }
      relations.push({
        id: randomUUID(),
        release_id: id,
        entity_ref: ciRef,
        role: 'updated',
        created_by: pick(users, i),
        created_at: new Date(created),
      });
      ['register', 'plan', finished ? 'close' : 'edit'].forEach((action, n) =>
        history.push({
          release_id: id,
          at: new Date(created + n * DAY),
          actor: pick(users, i),
          kind: n === 0 ? 'created' : 'transition',
          action,
          changes: '{}',
        }),
      );
    }
    await knex.transaction(async trx => {
      await insertInBatches(trx, 'releases', releases);
      await insertInBatches(trx, 'release_activities', activities);
      await insertInBatches(trx, 'release_ci_relations', relations);
      await insertInBatches(trx, 'release_history', history);
      if (impact.length > 0) {
        await insertInBatches(trx, 'release_impact', impact);
      }
    });
  }
  await knex('release_counters')
    .where({ name: 'release_number' })
    .update({ value: releaseCount });
  return { portfolioIds, registeredIds };
}
