import { Knex } from 'knex';
import { epochMillisOf } from './dates';
import { applyVisibility, ReleaseVisibility } from './permissionFilter';

/** A release closed as successful on one of the CIs asked for. */
export type SuccessOnCi = {
  entity_ref: string;
  id: string;
  /** Epoch milliseconds on PostgreSQL; as SQLite holds it there. */
  actual_end: unknown;
};

/** The successes with an actual end in `(after, until)`. */
function successesIn(qb: Knex.QueryBuilder, after: Date, until: Date) {
  return qb
    .where('releases.status', 'closed')
    .where('releases.outcome', 'successful')
    .where('releases.actual_end', '>', after)
    .where('releases.actual_end', '<', until);
}

/**
 * Whether SQLite should start from the period's successes rather than from
 * the CIs' releases: it keeps no statistics to choose, and follows the
 * order of a cross join. A portfolio's failures share CIs with most
 * releases of every year, which then cost a lookup each; counting both
 * sides in their indexes first is cheap. PostgreSQL chooses by itself.
 */
async function startFromSuccesses(
  db: Knex,
  refs: string[],
  after: Date,
  until: Date,
): Promise<boolean> {
  if (db.client.config.client === 'pg') return false;
  const count = async (qb: Knex.QueryBuilder) =>
    Number((await qb.count({ n: '*' }).first())?.n ?? 0);
  const successes = await count(successesIn(db('releases'), after, until));
  // Counted no further than the successes: only which side is larger matters.
  const relations = await count(
    db.from(
      db('release_ci_relations')
        .whereIn('entity_ref', refs)
        .select(db.raw('1'))
        .limit(successes + 1)
        .as('relations'),
    ),
  );
  return successes < relations;
}

/**
 * The releases closed as successful with an actual end in `(after, until)`
 * on any of `refs`, among those the caller may read: what may recover a
 * failure (docs/metrics.md#the-figures).
 */
export async function successesOnCis(
  db: Knex,
  refs: string[],
  after: Date,
  until: Date,
  visibility: ReleaseVisibility,
): Promise<SuccessOnCi[]> {
  const fromSuccesses = await startFromSuccesses(db, refs, after, until);
  // A cross join with the join condition in WHERE: SQLite reads the tables
  // in the order written; PostgreSQL plans it as the inner join it is.
  const qb = fromSuccesses
    ? db('releases').crossJoin(db.raw('release_ci_relations'))
    : db('release_ci_relations').crossJoin(db.raw('releases'));
  qb.whereRaw('releases.id = release_ci_relations.release_id');
  if (fromSuccesses) {
    // `+` keeps SQLite from probing the relations once per CI asked for.
    qb.whereRaw(
      `+release_ci_relations.entity_ref in (${refs.map(() => '?').join(', ')})`,
      refs,
    );
  } else {
    qb.whereIn('release_ci_relations.entity_ref', refs);
  }
  successesIn(qb, after, until).select(
    'release_ci_relations.entity_ref',
    'releases.id',
    epochMillisOf(db, 'releases.actual_end', 'actual_end'),
  );
  applyVisibility(qb, visibility);
  return qb;
}
