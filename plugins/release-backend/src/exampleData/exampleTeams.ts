import { ImpactedEntity } from '@internal/plugin-release-common';

/**
 * The part of the example catalog (examples/catalog) the example history
 * releases: a fixed copy, because the history is written at first start,
 * before the catalog has read its files.
 */

type Domain = { ref: string; title: string; owner: string };
type System = {
  ref: string;
  title: string;
  owner: string;
  tags: string[];
  domain: Domain;
};

/** A configuration item the history releases, and the system it is part of. */
export type ExampleCi = {
  ref: string;
  title: string;
  owner: string;
  tags: string[];
  system: System;
};

const domain = (name: string, title: string, owner: string): Domain => ({
  ref: `domain:default/${name}`,
  title,
  owner: `group:default/${owner}`,
});
const commerce = domain('commerce', 'Commerce', 'storefront-team');
const platform = domain('platform', 'Platform', 'platform-team');
const data = domain('data', 'Data', 'data-team');

const system = (
  name: string,
  title: string,
  owner: string,
  of: Domain,
  tags: string[] = [],
): System => ({
  ref: `system:default/${name}`,
  title,
  owner: `group:default/${owner}`,
  tags,
  domain: of,
});
const storefront = system(
  'storefront',
  'Storefront',
  'storefront-team',
  commerce,
  ['customer-facing'],
);
const payments = system('payments', 'Payments', 'payments-team', commerce, [
  'pci',
]);
const infrastructure = system(
  'platform-infrastructure',
  'Platform Infrastructure',
  'platform-team',
  platform,
);
const identity = system('identity', 'Identity', 'platform-team', platform);
const analytics = system('analytics', 'Analytics', 'data-team', data);

function ci(
  ref: string,
  title: string,
  of: System,
  tags: string[] = [],
): ExampleCi {
  return { ref, title, owner: of.owner, tags, system: of };
}

/** The entities the impact index records for a CI: itself, its system, its domain. */
export function partOfImpact(item: ExampleCi): ImpactedEntity[] {
  const { system: parent } = item;
  const toSystem = {
    from: item.ref,
    relation: 'partOf',
    to: parent.ref,
  };
  const toDomain = {
    from: parent.ref,
    relation: 'partOf',
    to: parent.domain.ref,
  };
  const common = { via: item.ref };
  return [
    {
      ...common,
      entityRef: item.ref,
      kind: item.ref.split(':')[0],
      title: item.title,
      owner: item.owner,
      tags: item.tags,
      // The example catalog's components and APIs are in production.
      lifecycle: /^(component|api):/.test(item.ref) ? 'production' : null,
      distance: 0,
      path: [],
    },
    {
      ...common,
      entityRef: parent.ref,
      kind: 'system',
      title: parent.title,
      owner: parent.owner,
      tags: parent.tags,
      lifecycle: null,
      distance: 1,
      path: [toSystem],
    },
    {
      ...common,
      entityRef: parent.domain.ref,
      kind: 'domain',
      title: parent.domain.title,
      owner: parent.domain.owner,
      tags: [],
      lifecycle: null,
      distance: 2,
      path: [toSystem, toDomain],
    },
  ];
}

/**
 * How a team delivers, so the teams land on different delivery levels:
 * durations in hours, shares from 0 to 1.
 */
export type DeliveryProfile = {
  /** Planned releases over the twelve months (fixes of failures come on top). */
  releases: number;
  leadHours: [number, number];
  slipHours: [number, number];
  durationHours: [number, number];
  /** Hour of the day (UTC) its windows start. */
  windowHour: number;
  windowHours: number;
  failureShare: number;
  reworkShare: number;
  partialShare: number;
  emergencyShare: number;
  incidentShare: number;
  recoveryHours: [number, number];
  /** Whether the fix of a failure is an emergency release. */
  emergencyFixes: boolean;
};

/** An executor group of the example organisation and how it delivers. */
export type ExampleTeam = {
  group: string;
  members: string[];
  manager: string;
  portfolio: 'commerce' | 'data';
  cis: ExampleCi[];
  profile: DeliveryProfile;
};

const user = (name: string) => `user:default/${name}`;

/** Release managers: they authorize the example releases. */
export const releaseManagers = [
  user('ana.souza'),
  user('bruno.lima'),
  user('isabel.garcia'),
  user('guest'),
];

export const exampleTeams: ExampleTeam[] = [
  {
    group: 'group:default/platform-team',
    members: [user('carla.mendes'), user('david.chen'), user('bruno.lima')],
    manager: user('bruno.lima'),
    portfolio: 'commerce',
    cis: [
      ci('component:default/api-gateway', 'API gateway', infrastructure),
      ci(
        'component:default/notification-service',
        'Notification service',
        infrastructure,
      ),
      ci('resource:default/events-queue', 'Events queue', infrastructure, [
        'rabbitmq',
      ]),
      ci('component:default/auth-service', 'Auth service', identity),
      ci('component:default/accounts-service', 'Accounts service', identity),
      ci('component:default/shared-auth-lib', 'Shared auth library', identity),
      ci('resource:default/session-cache', 'Session cache', identity, [
        'redis',
      ]),
    ],
    profile: {
      releases: 96,
      leadHours: [4, 30],
      slipHours: [0, 0.5],
      durationHours: [0.2, 0.8],
      windowHour: 10,
      windowHours: 1,
      failureShare: 0.04,
      reworkShare: 0.02,
      partialShare: 0.02,
      emergencyShare: 0.03,
      incidentShare: 0.03,
      recoveryHours: [0.25, 1.2],
      emergencyFixes: true,
    },
  },
  {
    group: 'group:default/storefront-team',
    members: [user('grace.okafor'), user('hiro.tanaka'), user('isabel.garcia')],
    manager: user('isabel.garcia'),
    portfolio: 'commerce',
    cis: [
      ci('component:default/storefront-web', 'Storefront web', storefront),
      ci('component:default/mobile-bff', 'Mobile backend', storefront),
      ci(
        'component:default/product-catalog-service',
        'Product catalog service',
        storefront,
      ),
      ci('component:default/search-service', 'Search service', storefront),
      ci('component:default/orders-service', 'Orders service', storefront),
      ci('component:default/checkout-service', 'Checkout service', storefront),
      ci('component:default/tax-calculator', 'Tax calculator', storefront),
    ],
    profile: {
      releases: 58,
      leadHours: [48, 220],
      slipHours: [0, 3],
      durationHours: [0.5, 2],
      windowHour: 21,
      windowHours: 2,
      failureShare: 0.1,
      reworkShare: 0.05,
      partialShare: 0.05,
      emergencyShare: 0.05,
      incidentShare: 0.06,
      recoveryHours: [3, 20],
      emergencyFixes: true,
    },
  },
  {
    group: 'group:default/payments-team',
    members: [user('elena.petrova'), user('felipe.rocha')],
    manager: user('ana.souza'),
    portfolio: 'commerce',
    cis: [
      ci('component:default/payment-gateway', 'Payment gateway', payments),
      ci('component:default/fraud-detection', 'Fraud detection', payments),
      ci('component:default/billing-service', 'Billing service', payments),
      ci('component:default/invoice-worker', 'Invoice worker', payments),
      ci('resource:default/payments-db', 'Payments database', payments, [
        'postgresql',
        'pci',
      ]),
    ],
    profile: {
      releases: 30,
      leadHours: [200, 720],
      slipHours: [0, 26],
      durationHours: [1, 3],
      windowHour: 22,
      windowHours: 4,
      failureShare: 0.17,
      reworkShare: 0.08,
      partialShare: 0.07,
      emergencyShare: 0.03,
      incidentShare: 0.1,
      recoveryHours: [24, 120],
      emergencyFixes: false,
    },
  },
  {
    group: 'group:default/data-team',
    members: [user('jonas.weber'), user('kiara.nair')],
    manager: user('ana.souza'),
    portfolio: 'data',
    cis: [
      ci('component:default/event-collector', 'Event collector', analytics),
      ci('component:default/etl-worker', 'ETL worker', analytics),
      ci('component:default/reporting-service', 'Reporting service', analytics),
      ci(
        'component:default/reporting-dashboard',
        'Reporting dashboard',
        analytics,
      ),
      ci('resource:default/warehouse-bucket', 'Warehouse bucket', analytics, [
        'object-storage',
      ]),
    ],
    profile: {
      releases: 20,
      leadHours: [480, 1400],
      slipHours: [12, 96],
      durationHours: [1, 4],
      windowHour: 13,
      windowHours: 4,
      failureShare: 0.3,
      reworkShare: 0.12,
      partialShare: 0.1,
      emergencyShare: 0,
      incidentShare: 0.12,
      recoveryHours: [170, 600],
      emergencyFixes: false,
    },
  },
];

/**
 * Failures too recent to be recovered yet: no later release touches their
 * CI, so the figures show them as open.
 */
export const unrecoveredFailures = [
  {
    group: 'group:default/data-team',
    ci: 'component:default/etl-worker',
    daysAgo: 9,
    outcome: 'failed' as const,
    title: 'etl-worker: incremental loads for the orders fact table',
    notes: 'Loads doubled rows for late events; the job is paused',
  },
  {
    group: 'group:default/payments-team',
    ci: 'component:default/fraud-detection',
    daysAgo: 4,
    outcome: 'rolled-back' as const,
    title: 'fraud-detection: new scoring model',
    notes: 'False positives tripled in the first hour; rolled back',
  },
];
