import {
  AuthService,
  coreServices,
  createBackendPlugin,
  DiscoveryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  RegisterCollatorParameters,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  Justification,
  releaseReadPermission,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import request from 'supertest';
import { DatabaseReleaseStore } from '../database/DatabaseReleaseStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { seedExampleData } from '../exampleData/seedExampleData';
import { releaseSearchModule } from '../search/module';
import { managerOnly } from './fakePermissions';
import { permissionFrameworkFactory } from './permissionFramework';
import { startReleaseServer } from './testBackend';

export const ana = 'user:default/ana.souza';
export const bruno = 'user:default/bruno.lima';
export const outsider = 'user:default/outsider';

/** A request header authenticating as a user. */
export const tokenOf = (user: string) =>
  `Bearer ${mockCredentials.user.token(user)}`;

/**
 * Ana reads only the releases she manages; an outsider reads none; every
 * other user (the default test user registering releases among them) may do
 * everything; services are allowed as in a real backend.
 */
const policy = permissionFrameworkFactory((permission, user) => {
  if (permission.name === releaseReadPermission.name && user === ana) {
    return managerOnly(ana);
  }
  if (permission.name === releaseReadPermission.name && user === outsider) {
    return { result: AuthorizeResult.DENY };
  }
  return { result: AuthorizeResult.ALLOW };
});

/**
 * A stand-in for the search plugin: offers the index registry that
 * `releaseSearchModule` adds its collator to, and keeps the search plugin's
 * own services.
 */
function searchPluginStandIn() {
  const collators: RegisterCollatorParameters[] = [];
  const services = {} as {
    permissions: PermissionsService;
    discovery: DiscoveryService;
    auth: AuthService;
  };
  const plugin = createBackendPlugin({
    pluginId: 'search',
    register(env) {
      env.registerExtensionPoint(searchIndexRegistryExtensionPoint, {
        addCollator: collator => collators.push(collator),
        addDecorator: () => {},
      });
      env.registerInit({
        deps: {
          permissions: coreServices.permissions,
          discovery: coreServices.discovery,
          auth: coreServices.auth,
        },
        async init(deps) {
          Object.assign(services, deps);
        },
      });
    },
  });
  return { plugin, collators, services };
}

/**
 * The release plugin with `releaseSearchModule` and the current example
 * releases without the example year (seven releases in a portfolio:
 * registered, planning, authorized, deployment, suspended and two closed),
 * plus two registered here: "Warehouse sync 1.2"
 * (managed by Ana, with a CI, cancelled) and "Warehouse labels redesign"
 * (managed by Bruno, no CI, no portfolio).
 */
export async function startSearchBackend(knex: Knex) {
  const search = searchPluginStandIn();
  await applyDatabaseMigrations({ getClient: async () => knex }, knex);
  await seedExampleData(
    DatabaseReleaseStore.fromClient(knex),
    mockServices.logger.mock(),
    { pastYear: false },
  );
  const api = request(
    await startReleaseServer(knex, {
      features: [search.plugin, releaseSearchModule, policy],
    }),
  );

  const reasons: Justification[] = (
    await api.get('/api/release/justifications').expect(200)
  ).body.items;
  const cancelReason = reasons.find(reason =>
    reason.appliesTo.includes('cancel'),
  )!;
  const sync = (
    await api
      .post('/api/release/releases')
      .send({
        title: 'Warehouse sync 1.2',
        type: 'major',
        description: 'Nightly stock sync with the warehouse',
        businessJustification: 'Fewer oversold items',
        manager: ana,
      })
      .expect(201)
  ).body;
  await api
    .post(`/api/release/releases/${sync.id}/relations`)
    .send({
      kind: 'ci',
      entityRef: 'component:default/orders-service',
      role: 'updated',
    })
    .expect(201);
  await api
    .post(`/api/release/releases/${sync.id}/transitions`)
    .send({
      action: 'cancel',
      expectedVersion: sync.version,
      justificationId: cancelReason.id,
    })
    .expect(200);
  await api
    .post('/api/release/releases')
    .send({ title: 'Warehouse labels redesign', type: 'minor', manager: bruno })
    .expect(201);

  return { api, search, cancelledId: sync.id as string };
}

/** Every document a collator factory's collator gives. */
export async function collate<T extends IndexableDocument>(
  factory: DocumentCollatorFactory,
): Promise<T[]> {
  const { documents, error } = await TestPipeline.fromCollator(
    await factory.getCollator(),
  ).execute();
  if (error) throw error;
  return documents as T[];
}
