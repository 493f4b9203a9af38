/*
 * The catalog alone, on PostgreSQL, holding the generated 10,005-entity
 * catalog of the benchmarks: what `picker.ts` types into. Started by it as a
 * process of its own, configured through environment variables:
 *
 *   PICKER_PORT          port to listen on
 *   PICKER_POSTGRES_URL  PostgreSQL server; the catalog's database is release_picker_catalog
 *   PICKER_TOKEN         static token the benchmark's client sends
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { generateCatalog } from './catalog';

const port = Number(process.env.PICKER_PORT);

const config = new ConfigReader({
  backend: {
    baseUrl: `http://localhost:${port}`,
    listen: { port },
    database: {
      client: 'pg',
      connection: process.env.PICKER_POSTGRES_URL,
      prefix: 'release_picker_',
    },
    auth: {
      externalAccess: [
        {
          type: 'static',
          options: { token: process.env.PICKER_TOKEN, subject: 'bench' },
        },
      ],
    },
  },
  catalog: {
    rules: [{ allow: ['Component', 'API', 'Resource', 'System', 'Domain'] }],
  },
});

/** Hands the generated catalog to the catalog as one full mutation. */
const generatedCatalogModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'generated-bench-catalog',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'generated-bench-catalog',
          connect: async connection => {
            const { entities } = await generateCatalog();
            await connection.applyMutation({
              type: 'full',
              entities: entities.map(({ relations: _computed, ...entity }) => ({
                locationKey: 'generated-bench-catalog',
                entity: {
                  ...entity,
                  metadata: {
                    ...entity.metadata,
                    annotations: {
                      'backstage.io/managed-by-location': 'bench:generated',
                      'backstage.io/managed-by-origin-location':
                        'bench:generated',
                    },
                  },
                },
              })),
            });
          },
        });
      },
    });
  },
});

const backend = createBackend();
backend.add(
  createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () => config,
  }),
);
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(generatedCatalogModule);
backend.start();
