import {
  ClosedReleaseSearchResult,
  ClosedSearchQuery,
  isOpen,
  OPEN_STATUSES,
  parseReleaseNumber,
  Release,
  ReleaseBreakdown,
  ReleaseActivity,
  ReleaseList,
  ReleaseListItem,
  ReleaseListQuery,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { toIso } from './dates';
import { applyVisibility, ReleaseVisibility } from './permissionFilter';
import { ApprovalFacts } from '../permissions';
import {
  approvalFactsFromRow,
  hasApprovalPolicyColumn,
  joinPolicies,
} from './approvalFacts';
import {
  releaseFromRow,
  releaseSummaryColumns,
  releaseSummaryFromRow,
} from './releaseRows';

const sortColumns: Record<string, string> = {
  number: 'releases.number',
  title: 'releases.title',
  status: 'releases.status',
  priority: 'releases.priority',
  type: 'releases.type',
  plannedStart: 'releases.planned_start',
  plannedEnd: 'releases.planned_end',
  createdAt: 'releases.created_at',
  updatedAt: 'releases.updated_at',
  closedAt: 'releases.closed_at',
};

/** Matches counted beyond the requested offset, at most. */
const SEARCH_COUNT_CAP = 1000;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, match => `\\${match}`);
}

/**
 * Text search over number, title and description: a substring match, served
 * by the trigram indexes of the search-indexes migration (FTS5 on SQLite, for
 * three characters or more).
 */
function applyText(qb: Knex.QueryBuilder, q: string | undefined) {
  const text = q?.trim().toLocaleLowerCase('en-US');
  if (!text) {
    return;
  }
  const sequence = parseReleaseNumber(text);
  const client = qb.client.config.client;
  const sqlite = client === 'better-sqlite3' || client === 'sqlite3';
  qb.where(inner => {
    if (sqlite && text.length >= 3) {
      inner.whereRaw(
        'releases.rowid in (select rowid from releases_text where releases_text match ?)',
        [`"${text.replace(/"/g, '""')}"`],
      );
    } else {
      const pattern = `%${escapeLike(text)}%`;
      inner
        .whereRaw("lower(releases.title) like ? escape '\\'", [pattern])
        .orWhereRaw("lower(releases.description) like ? escape '\\'", [
          pattern,
        ]);
    }
    if (sequence !== undefined) {
      inner.orWhere('releases.number', sequence);
    }
  });
}

/** Columns a list filters and orders by that the impact index repeats. */
type StateColumns = {
  status: string;
  plannedStart: string;
  closedAt: string;
  number: string;
};

const releaseState: StateColumns = {
  status: 'releases.status',
  plannedStart: 'releases.planned_start',
  closedAt: 'releases.closed_at',
  number: 'releases.number',
};

/**
 * The same, read from the impact index joined as `touched`: a system that
 * thousands of releases reach is then filtered, counted and ordered in one
 * index, and only the page's releases are read.
 */
const touchedState: StateColumns = {
  status: 'touched.release_status',
  plannedStart: 'touched.release_planned_start',
  closedAt: 'touched.release_closed_at',
  number: 'touched.release_number',
};

function stateColumns(query: ReleaseListQuery): StateColumns {
  return query.entityRef && query.includeImpacted ? touchedState : releaseState;
}

function applyEntity(
  qb: Knex.QueryBuilder,
  entityRef: string | undefined,
  includeImpacted = false,
) {
  if (entityRef && includeImpacted) {
    // The impact index holds the CIs too (distance 0), each release once.
    qb.join('release_impact as touched', 'touched.release_id', 'releases.id');
    qb.where('touched.entity_ref', entityRef);
  } else if (entityRef) {
    qb.whereExists(sub =>
      sub
        .select(sub.client.raw('1'))
        .from('release_ci_relations')
        .whereRaw('release_ci_relations.release_id = releases.id')
        .where('release_ci_relations.entity_ref', entityRef),
    );
  }
}

type ReleaseFilter = (qb: Knex.QueryBuilder) => void;

/**
 * The desktop's query with who "me" is, for `awaitingApprovalBy=me`: the
 * caller's ownership refs and their own ref.
 */
export type ReleaseListFilters = ReleaseListQuery & {
  awaitingApprovalOf?: { refs: string[]; user: string };
};

/**
 * Releases awaiting approval whose current step names one of the refs and
 * that the user has not decided yet (docs/approvals.md#awaiting-my-approval).
 */
function applyAwaitingApprovalOf(
  qb: Knex.QueryBuilder,
  of: { refs: string[]; user: string },
) {
  qb.where('releases.status', 'awaiting-approval')
    .whereIn('releases.id', sub =>
      sub
        .select('release_id')
        .from('release_step_approvers')
        .whereIn('approver_ref', of.refs),
    )
    .whereNotExists(sub =>
      sub
        .select(sub.client.raw('1'))
        .from('release_approvals')
        .whereRaw('release_approvals.release_id = releases.id')
        .whereRaw('release_approvals.round = releases.approval_round')
        .whereRaw('release_approvals.step = releases.approval_step')
        .where('release_approvals.approver', of.user),
    );
}

/**
 * The desktop's filters other than status and entity, only those asked for:
 * each reads the releases table, so none means an entity's releases can be
 * counted in the impact index alone.
 */
function releaseFilters(
  query: ReleaseListFilters,
  visibility: ReleaseVisibility,
): ReleaseFilter[] {
  const filters: ReleaseFilter[] = [];
  if (visibility.kind !== 'all') {
    filters.push(qb => applyVisibility(qb, visibility));
  }
  const { awaitingApprovalOf } = query;
  if (awaitingApprovalOf) {
    filters.push(qb => applyAwaitingApprovalOf(qb, awaitingApprovalOf));
  }
  if (query.q?.trim()) filters.push(qb => applyText(qb, query.q));
  const { portfolioId, type, priority, manager, executorGroup } = query;
  if (portfolioId) {
    filters.push(qb => qb.where('releases.portfolio_id', portfolioId));
  }
  if (type?.length) filters.push(qb => qb.whereIn('releases.type', type));
  if (priority?.length) {
    filters.push(qb => qb.whereIn('releases.priority', priority));
  }
  if (manager) filters.push(qb => qb.where('releases.manager', manager));
  if (executorGroup?.length) {
    filters.push(qb => qb.whereIn('releases.executor_group', executorGroup));
  }
  const { assignedTo, plannedFrom, plannedTo } = query;
  if (assignedTo) {
    filters.push(qb =>
      qb.whereExists(sub =>
        sub
          .select(sub.client.raw('1'))
          .from('release_activities')
          .whereRaw('release_activities.release_id = releases.id')
          .where('release_activities.assignee', assignedTo)
          .whereIn('release_activities.status', ['pending', 'in-progress']),
      ),
    );
  }
  // A window meets the period when it starts before the period ends and
  // ends after it starts.
  if (plannedFrom) {
    filters.push(qb =>
      qb.where('releases.planned_end', '>=', new Date(plannedFrom)),
    );
  }
  if (plannedTo) {
    filters.push(qb =>
      qb.where('releases.planned_start', '<=', new Date(plannedTo)),
    );
  }
  return filters;
}

/** The same columns, of a page of releases selected as `page`. */
const pageSortColumns: Record<string, string> = Object.fromEntries(
  Object.entries(sortColumns).map(([key, column]) => [
    key,
    column.replace(/^releases\./, 'page.'),
  ]),
);

const pageState: StateColumns = {
  status: 'page.status',
  plannedStart: 'page.planned_start',
  closedAt: 'page.closed_at',
  number: 'page.number',
};

function applyOrder(
  qb: Knex.QueryBuilder,
  orderBy: string | undefined,
  order: 'asc' | 'desc' | undefined,
  fallback: string,
  state: StateColumns = releaseState,
  sortable: Record<string, string> = sortColumns,
) {
  const columns: Record<string, string> = {
    ...sortable,
    status: state.status,
    plannedStart: state.plannedStart,
    closedAt: state.closedAt,
    number: state.number,
  };
  const key = orderBy ?? fallback;
  const column = columns[key] ?? columns[fallback];
  const direction = order ?? 'desc';
  // Undated releases last whichever way, so they do not crowd the top.
  // PostgreSQL says so with NULLS LAST, which its window indexes serve; on
  // SQLite the expression does it (there the tables are small).
  if (key === 'plannedStart' || key === 'plannedEnd') {
    if (qb.client.config.client === 'pg') {
      qb.orderByRaw(`${column} ${direction} nulls last`);
    } else {
      qb.orderByRaw(`${column} is null`);
      qb.orderBy(column, direction);
    }
  } else {
    qb.orderBy(column, direction);
  }
  if (column !== state.number) {
    qb.orderBy(state.number, direction);
  }
}

const currentColumns = [
  'current_id',
  'current_phase',
  'current_title',
  'current_assignee',
  'current_group',
  'current_status',
  'current_due_at',
  'current_open_count',
];

/** A release's current activity and open activity count, from its page row. */
function currentActivityFromRow(
  row: any,
): Pick<ReleaseListItem, 'openActivityCount' | 'currentActivity'> {
  if (!row.current_id) {
    return { openActivityCount: 0, currentActivity: null };
  }
  return {
    openActivityCount: Number(row.current_open_count),
    currentActivity: {
      id: row.current_id,
      phase: row.current_phase as ReleaseActivity['phase'],
      title: row.current_title,
      assignee: row.current_assignee,
      group: row.current_group,
      status: row.current_status as ReleaseActivity['status'],
      dueAt: toIso(row.current_due_at),
    },
  };
}

/** A desktop page before the caller's allowed actions are added. */
export type ReleaseListPage = Omit<ReleaseList, 'items'> & {
  items: Array<
    Omit<ReleaseListItem, 'allowedActions'> &
      ApprovalFacts & { authorizerGroup: string | null }
  >;
};

/** The read side: desktop, closed-release search and calendar. */
export class ReleaseQueries {
  constructor(private readonly db: Knex) {}

  async list(
    query: ReleaseListFilters,
    visibility: ReleaseVisibility,
  ): Promise<ReleaseListPage> {
    const base = () => this.filtered(query, visibility);
    const state = stateColumns(query);
    const statuses: readonly ReleaseStatus[] = query.status?.length
      ? query.status
      : OPEN_STATUSES;

    const pageQuery = joinPolicies(
      base().whereIn(state.status, statuses),
    ).select(
      ...releaseSummaryColumns,
      'release_portfolios.authorizer_group',
      hasApprovalPolicyColumn(this.db),
    );
    if (state === touchedState) {
      // Said although the statuses imply it: it lets the planner read the
      // open or the finished index in page order and stop at the page end.
      if (statuses.every(status => isOpen(status))) {
        pageQuery.whereNull('touched.release_closed_at');
      } else if (statuses.every(status => !isOpen(status))) {
        pageQuery.whereNotNull('touched.release_closed_at');
      }
    }
    applyOrder(pageQuery, query.orderBy, query.order, 'plannedStart', state);
    // An entity's releases with nothing else to filter are counted in the
    // impact index alone.
    const countFrom =
      state === touchedState && releaseFilters(query, visibility).length === 0
        ? this.db('release_impact as touched').where(
            'touched.entity_ref',
            query.entityRef!,
          )
        : base();
    // The page and each of its releases' current activity in one statement,
    // in the page's order again (the same values: the impact index copies
    // the release's state).
    const withActivity = this.withCurrentActivity(
      pageQuery.limit(query.limit).offset(query.offset),
    );
    applyOrder(
      withActivity,
      query.orderBy,
      query.order,
      'plannedStart',
      pageState,
      pageSortColumns,
    );
    const [rows, counts] = await Promise.all([
      withActivity,
      countFrom
        .select({ status: state.status })
        .count({ count: '*' })
        .groupBy(state.status),
    ]);

    const countsByStatus: ReleaseList['countsByStatus'] = {};
    let totalCount = 0;
    for (const row of counts as Array<{
      status: ReleaseStatus;
      count: unknown;
    }>) {
      countsByStatus[row.status] = Number(row.count);
      if (statuses.includes(row.status)) totalCount += Number(row.count);
    }
    return {
      items: (rows as any[]).map(row => ({
        ...releaseSummaryFromRow(row),
        authorizerGroup: (row.authorizer_group as string | null) ?? null,
        ...approvalFactsFromRow(row),
        ...currentActivityFromRow(row),
      })),
      totalCount,
      countsByStatus,
    };
  }

  /** Releases matching the desktop's filters other than status. */
  private filtered(query: ReleaseListFilters, visibility: ReleaseVisibility) {
    const qb = this.db('releases');
    applyEntity(qb, query.entityRef, query.includeImpacted);
    for (const apply of releaseFilters(query, visibility)) apply(qb);
    return qb;
  }

  /**
   * The desktop's charts (docs/process.md#the-desktop): the filtered
   * releases in the asked-for states (default: open) by status, priority and
   * executor group.
   */
  async breakdown(
    query: ReleaseListQuery,
    visibility: ReleaseVisibility,
  ): Promise<ReleaseBreakdown> {
    const statuses: readonly ReleaseStatus[] = query.status?.length
      ? query.status
      : OPEN_STATUSES;
    const counted = (column: string) =>
      this.filtered(query, visibility)
        .whereIn(stateColumns(query).status, statuses)
        .select({ key: column })
        .count({ count: '*' })
        .groupBy(column);
    const [byStatus, byPriority, byGroup] = await Promise.all([
      counted('releases.status'),
      counted('releases.priority'),
      counted('releases.executor_group'),
    ]);
    const asRecord = (rows: any[]) =>
      Object.fromEntries(rows.map(row => [row.key, Number(row.count)]));
    return {
      byStatus: asRecord(byStatus),
      byPriority: asRecord(byPriority),
      byExecutorGroup: (byGroup as any[])
        .map(row => ({ group: row.key ?? null, count: Number(row.count) }))
        .sort((x, y) => y.count - x.count),
    };
  }

  /**
   * A page of releases, selected as `page`, with each one's first open
   * activity and the count of its open ones (columns `current_*`).
   */
  private withCurrentActivity(page: Knex.QueryBuilder): Knex.QueryBuilder {
    // Ranked in SQL so only each release's first open activity is joined,
    // with the count of its open ones. The status is tested in expressions,
    // not in WHERE: with both conditions SQLite's planner picks the status
    // index and reads every open activity.
    const open = `status in ('pending', 'in-progress', 'failed')`;
    const ranked = this.db('release_activities')
      .whereIn('release_id', this.db('page').select('id'))
      .select(
        'release_id',
        'id as current_id',
        'phase as current_phase',
        'title as current_title',
        'assignee as current_assignee',
        'assignee_group as current_group',
        'status as current_status',
        'due_at as current_due_at',
        this.db.raw(
          // planning before deployment, then by position
          `row_number() over (partition by release_id order by case when ${open} then 0 else 1 end, phase desc, position) as current_rank`,
        ),
        this.db.raw(
          `sum(case when ${open} then 1 else 0 end) over (partition by release_id) as current_open_count`,
        ),
      );
    return this.db
      .with('page', page)
      .from('page')
      .leftJoin(ranked.as('current'), join =>
        join
          .on('current.release_id', 'page.id')
          .andOnVal('current.current_rank', '=', 1)
          .andOnVal('current.current_open_count', '>', 0),
      )
      .select('page.*', ...currentColumns.map(column => `current.${column}`));
  }

  /**
   * Closed (and optionally cancelled) releases
   * (docs/process.md#advanced-search-of-closed-releases).
   */
  async searchClosed(
    query: ClosedSearchQuery,
    visibility: ReleaseVisibility,
    page: { limit: number; offset: number } = query,
  ): Promise<ClosedReleaseSearchResult> {
    const qb = this.db('releases');
    applyVisibility(qb, visibility);
    qb.whereIn(
      'releases.status',
      query.includeCancelled ? ['closed', 'cancelled'] : ['closed'],
    );
    // Always true of closed and cancelled releases; said so that the newest
    // first walk of the closed_at index skips the open ones (NULLs).
    qb.whereNotNull('releases.closed_at');
    applyText(qb, query.q);
    applyEntity(qb, query.entityRef);
    if (query.openedFrom)
      qb.where('releases.created_at', '>=', new Date(query.openedFrom));
    if (query.openedTo)
      qb.where('releases.created_at', '<=', new Date(query.openedTo));
    if (query.closedFrom)
      qb.where('releases.closed_at', '>=', new Date(query.closedFrom));
    if (query.closedTo)
      qb.where('releases.closed_at', '<=', new Date(query.closedTo));
    if (query.outcome?.length) qb.whereIn('releases.outcome', query.outcome);
    if (query.type?.length) qb.whereIn('releases.type', query.type);
    if (query.priority?.length) qb.whereIn('releases.priority', query.priority);
    if (query.portfolioId) qb.where('releases.portfolio_id', query.portfolioId);
    if (query.requester) qb.where('releases.requester', query.requester);
    if (query.manager) qb.where('releases.manager', query.manager);
    if (query.executorGroup)
      qb.where('releases.executor_group', query.executorGroup);
    if (query.justificationId) {
      qb.whereExists(sub =>
        sub
          .select(sub.client.raw('1'))
          .from('release_history')
          .whereRaw('release_history.release_id = releases.id')
          .where('release_history.justification_id', query.justificationId!),
      );
    }
    if (query.externalKey) {
      qb.whereExists(sub =>
        sub
          .select(sub.client.raw('1'))
          .from('release_external_relations')
          .whereRaw('release_external_relations.release_id = releases.id')
          .where('release_external_relations.key', query.externalKey!),
      );
    }
    // Counting every match of a broad text search costs more than the page
    // itself, so the count stops a little past what pagination can reach.
    const countCap = page.offset + SEARCH_COUNT_CAP;
    const countQuery = this.db
      .count({ count: '*' })
      .from(
        qb
          .clone()
          .clearSelect()
          .select(this.db.raw('1'))
          .limit(countCap + 1)
          .as('matches'),
      )
      .first();
    const pageQuery = qb.select('releases.*');
    applyOrder(pageQuery, query.orderBy, query.order, 'closedAt');
    const [rows, count] = await Promise.all([
      pageQuery.limit(page.limit).offset(page.offset),
      countQuery,
    ]);
    const counted = Number(
      (count as { count: unknown } | undefined)?.count ?? 0,
    );
    return {
      items: rows.map(releaseFromRow),
      totalCount: Math.min(counted, countCap),
      totalCountCapped: counted > countCap,
    };
  }

  /** Releases whose planned window meets [from, to] (the forward schedule). */
  async calendar(
    from: Date,
    to: Date,
    visibility: ReleaseVisibility,
  ): Promise<Release[]> {
    const qb = this.db('releases')
      .where('releases.planned_start', '<=', to)
      .where('releases.planned_end', '>=', from)
      .whereNot('releases.status', 'cancelled')
      .orderBy('releases.planned_start')
      .limit(2000)
      .select('releases.*');
    applyVisibility(qb, visibility);
    return (await qb).map(releaseFromRow);
  }
}
