/*
 * The entity page's Delivery card under load: its one request, the twelve
 * months of a domain, system or component per month (docs/metrics.md), for
 * entities of the generated catalog that had releases in that time.
 */
import { Knex } from 'knex';

/** The card's period as it asks for it: the twelve months up to now. */
export function lastTwelveMonths(now = new Date()): {
  from: string;
  to: string;
} {
  const from = new Date(now);
  from.setUTCMonth(from.getUTCMonth() - 12);
  return { from: from.toISOString(), to: now.toISOString() };
}

/** The card's request for one entity over `range`. */
export function deliveryCardPath(
  entityRef: string,
  range: { from: string; to: string },
): string {
  return `/api/release/metrics?entityRef=${encodeURIComponent(
    entityRef,
  )}&bucket=month&from=${encodeURIComponent(
    range.from,
  )}&to=${encodeURIComponent(range.to)}`;
}

/**
 * A domain and two systems, which the seed's volume always gives releases,
 * then three components that were the CI of a release closed in the range:
 * first, middle and last by name, so every run picks the same ones.
 */
export async function deliveryCardRefs(
  knex: Knex,
  range: { from: string; to: string },
): Promise<string[]> {
  const components: string[] = (
    await knex('release_ci_relations')
      .join('releases', 'releases.id', 'release_ci_relations.release_id')
      .where('release_ci_relations.entity_ref', 'like', 'component:%')
      .where('releases.status', 'closed')
      .where('releases.actual_end', '>=', new Date(range.from))
      .where('releases.actual_end', '<', new Date(range.to))
      .distinct('release_ci_relations.entity_ref')
      .orderBy('release_ci_relations.entity_ref')
  ).map(row => row.entity_ref);
  if (components.length === 0) {
    throw new Error('The seed closed no component release in the last year');
  }
  return [
    'domain:default/domain-2',
    'system:default/system-3',
    'system:default/system-17',
    components[0],
    components[Math.floor(components.length / 2)],
    components[components.length - 1],
  ];
}

/**
 * Fails unless the card would show figures for every entity: it shows
 * nothing for one without executed or closed releases, and measuring that
 * would flatter the endpoint.
 */
export async function assertCardsHaveFigures(
  refs: string[],
  range: { from: string; to: string },
  baseUrl: string,
  token: string,
) {
  for (const ref of refs) {
    const response = await fetch(`${baseUrl}${deliveryCardPath(ref, range)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as any;
    const counted =
      Number(body?.summary?.executed ?? 0) + Number(body?.summary?.closed ?? 0);
    if (!response.ok || counted === 0) {
      throw new Error(
        `The Delivery card of ${ref} has nothing to show (${
          response.status
        }): ${JSON.stringify(body).slice(0, 200)}`,
      );
    }
  }
}
