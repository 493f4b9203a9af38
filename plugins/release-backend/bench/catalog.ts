/*
 * A generated catalog of about 10,000 entities with the shape of a large
 * portal: domains, systems, resources, four layers of components depending
 * on the layer below, and APIs each provided by one component and consumed
 * by three.
 */
import { Entity } from '@backstage/catalog-model';
import { withCatalogRelations } from '../src/__testUtils__/exampleCatalog';

const counts = {
  domains: 5,
  systems: 50,
  resources: 500,
  componentLayers: [1000, 2000, 2000, 2000],
  apis: 2450,
};

/** A deterministic spread, so every run builds the same graph. */
const spread = (i: number, salt: number, size: number) =>
  (i * 7919 + salt * 104729) % size;

function entity(kind: string, name: string, spec: object): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', tags: [`tier-${name.length % 3}`] },
    spec: { owner: `group:default/team-${name.length % 7}`, ...spec },
  };
}

export type BenchCatalog = {
  entities: Entity[];
  /** Refs releases relate to: components of every layer and resources. */
  ciRefs: string[];
  /** Entities whose release tab the benchmark opens. */
  tabRefs: string[];
};

/**
 * Entities of the generated catalog whose release tab the benchmarks open:
 * a resource, components of several layers, a system and an API.
 */
export const benchTabRefs = [
  'resource:default/resource-7',
  'component:default/layer0-11',
  'component:default/layer1-123',
  'component:default/layer3-1500',
  'system:default/system-3',
  'api:default/api-42',
];

/**
 * The domain the benchmark's worst case measures: half of all releases
 * have a CI that is part of it (see {@link releaseCisByDomain}).
 */
export const busyDomainRef = 'domain:default/domain-1';

/**
 * The CI of release `i` when half of all releases reach `domainRef`
 * through `partOf`: half take a CI of one of its systems, the others a CI
 * of any other domain. Read from the entities' `spec.system` and
 * the systems' `spec.domain`, not from the impact walk, so the bench can
 * check the index against it.
 */
export function releaseCisByDomain(
  catalog: BenchCatalog,
  domainRef: string,
): { inside: Set<string>; ciOf: (i: number) => string } {
  const domainName = domainRef.split('/')[1];
  const systemsInside = new Set(
    catalog.entities
      .filter(e => e.kind === 'System' && e.spec?.domain === domainName)
      .map(e => e.metadata.name),
  );
  const systemOf = new Map(
    catalog.entities.map(e => [
      `${e.kind.toLocaleLowerCase('en-US')}:default/${e.metadata.name}`,
      e.spec?.system as string | undefined,
    ]),
  );
  const inside = catalog.ciRefs.filter(ref =>
    systemsInside.has(systemOf.get(ref) ?? ''),
  );
  const insideSet = new Set(inside);
  const outside = catalog.ciRefs.filter(ref => !insideSet.has(ref));
  if (inside.length === 0 || outside.length === 0) {
    throw new Error(`The catalog has no CI in or out of ${domainRef}`);
  }
  const spreadOver = (list: string[], i: number) =>
    list[(i * 31) % list.length];
  return {
    inside: insideSet,
    // Alternating in runs of four, not by parity: the seed gives a release
    // its portfolio and outcome by `i` modulo 4 and 6, and both halves must
    // have every portfolio and outcome.
    ciOf: i =>
      Math.floor(i / 4) % 2 === 0
        ? spreadOver(inside, i)
        : spreadOver(outside, i),
  };
}

export async function generateCatalog(): Promise<BenchCatalog> {
  const entities: Entity[] = [];
  for (let d = 0; d < counts.domains; d++) {
    entities.push(entity('Domain', `domain-${d}`, {}));
  }
  for (let s = 0; s < counts.systems; s++) {
    entities.push(
      entity('System', `system-${s}`, {
        domain: `domain-${s % counts.domains}`,
      }),
    );
  }
  for (let r = 0; r < counts.resources; r++) {
    entities.push(
      entity('Resource', `resource-${r}`, {
        type: 'database',
        system: `system-${r % counts.systems}`,
      }),
    );
  }
  const layers = counts.componentLayers.map((size, layer) =>
    Array.from({ length: size }, (_, c) => `layer${layer}-${c}`),
  );
  const provides = new Map<string, string[]>();
  const consumes = new Map<string, string[]>();
  for (let a = 0; a < counts.apis; a++) {
    const provider =
      layers[1 + (a % 2)][spread(a, 1, layers[1 + (a % 2)].length)];
    provides.set(provider, [...(provides.get(provider) ?? []), `api-${a}`]);
    for (let k = 0; k < 3; k++) {
      const layer = layers[2 + ((a + k) % 2)];
      const consumer = layer[spread(a, 2 + k, layer.length)];
      consumes.set(consumer, [...(consumes.get(consumer) ?? []), `api-${a}`]);
    }
    entities.push(
      entity('API', `api-${a}`, {
        type: 'openapi',
        lifecycle: 'production',
        system: `system-${a % counts.systems}`,
        definition: 'openapi: 3.0.0',
      }),
    );
  }
  layers.forEach((names, layer) =>
    names.forEach((name, c) => {
      const dependsOn =
        layer === 0
          ? [`resource:resource-${spread(c, 3, counts.resources)}`]
          : [0, 1].map(
              k =>
                `component:${
                  layers[layer - 1][spread(c, 4 + k, layers[layer - 1].length)]
                }`,
            );
      entities.push(
        entity('Component', name, {
          type: 'service',
          lifecycle: 'production',
          system: `system-${c % counts.systems}`,
          dependsOn: [...new Set(dependsOn)],
          providesApis: provides.get(name) ?? [],
          consumesApis: consumes.get(name) ?? [],
        }),
      );
    }),
  );

  const ciRefs = [
    ...layers.flatMap((names, layer) =>
      names
        .filter((_, c) => c % (layer + 1) === 0)
        .map(n => `component:default/${n}`),
    ),
    ...Array.from(
      { length: counts.resources },
      (_, r) => `resource:default/resource-${r}`,
    ),
  ];
  return {
    entities: await withCatalogRelations(entities),
    ciRefs,
    tabRefs: benchTabRefs,
  };
}
