import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  deliveryMetricsQuerySchema,
  registerReleaseSchema,
  transitionSchema,
} from '@internal/plugin-release-common';
import {
  nextWeekWindow,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { writePast } from '../__testUtils__/writePast';

jest.setTimeout(60_000);

const databases = createTestDatabases();

async function withActions(
  databaseId: Parameters<typeof databases.init>[0],
  options: { permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {},
) {
  const registry = actionsRegistryServiceMock({
    logger: mockServices.logger.mock(),
  });
  const knex = await databases.init(databaseId);
  await startReleaseBackend(knex, {
    ...options,
    features: [
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ],
  });
  const credentials = mockCredentials.user('user:default/ana.souza');
  const invoke = (name: string, input: object) =>
    registry.invoke({
      id: `test:${name}`,
      input: input as any,
      credentials,
    });
  return { registry, invoke, knex };
}

describe.each(databases.eachSupportedId())(
  'release actions on %p',
  databaseId => {
    it('offers six actions with honest attributes and input schemas', async () => {
      const { registry } = await withActions(databaseId);
      const { actions } = await registry.list();
      expect(
        Object.fromEntries(
          actions.map(a => [
            a.name,
            [a.attributes.readOnly, a.attributes.destructive],
          ]),
        ),
      ).toEqual({
        'list-releases': [true, false],
        'get-release': [true, false],
        'register-release': [false, false],
        'transition-release': [false, true],
        'release-impact': [true, false],
        'release-delivery-metrics': [true, false],
      });
      const register = actions.find(a => a.name === 'register-release')!;
      expect(register.schema.input).toMatchObject({
        type: 'object',
        required: expect.arrayContaining(['title', 'type']),
      });
      // The HTTP request's fields, from release-common's schema, not a copy.
      const properties = Object.keys(
        (register.schema.input as { properties: object }).properties,
      ).sort();
      expect(properties).toEqual(
        Object.keys(registerReleaseSchema.shape).sort(),
      );
      expect(
        (register.schema.input as any).properties.cis.items.properties.role,
      ).toMatchObject({ enum: ['new', 'updated', 'retired', 'affected'] });
      const transition = actions.find(a => a.name === 'transition-release')!;
      expect(
        Object.keys((transition.schema.input as any).properties).sort(),
      ).toEqual(['id', ...Object.keys(transitionSchema.shape)].sort());
      // The figures' query without what only HTTP needs (the CSV).
      const metrics = actions.find(a => a.name === 'release-delivery-metrics')!;
      expect(
        Object.keys((metrics.schema.input as any).properties).sort(),
      ).toEqual(
        Object.keys(deliveryMetricsQuerySchema.shape)
          .filter(key => key !== 'format' && key !== 'language')
          .sort(),
      );
    });

    it("gives a system's delivery figures, counting its components' releases", async () => {
      const { invoke, knex } = await withActions(databaseId);
      const { output: registered } = (await invoke('register-release', {
        title: 'Gateway 3.0',
        type: 'emergency',
        cis: [
          { entityRef: 'component:default/payment-gateway', role: 'updated' },
        ],
      })) as any;
      // Its past, as the workflow would have left it.
      await writePast(knex, registered.id, {
        status: 'closed',
        outcome: 'failed',
        created_at: new Date('2026-01-01T00:00:00Z'),
        actual_end: new Date('2026-01-03T00:00:00Z'),
        closed_at: new Date('2026-01-04T00:00:00Z'),
      });
      const { output } = (await invoke('release-delivery-metrics', {
        entityRef: 'system:default/payments',
        from: '2026-01-01T00:00:00Z',
        to: '2026-02-01T00:00:00Z',
      })) as any;
      expect(output.summary).toMatchObject({
        executed: 1,
        leadTimeHours: { median: 48, p90: 48 },
        closed: 1,
        failed: 1,
        changeFailureRate: 1,
        reworked: 1,
      });
      expect(output.levels.changeFailureRate).toBe('low');
      expect(output.buckets).toHaveLength(1);
      expect(output.unrecovered).toEqual([
        expect.objectContaining({ title: 'Gateway 3.0', ageHours: 29 * 24 }),
      ]);
      expect(output.unrecoveredTotal).toBe(1);
      await expect(
        invoke('release-delivery-metrics', { entityRef: 'user:default/ana' }),
      ).rejects.toThrow(/entityRef/);
    });

    it('registers a release with its CIs in one transaction, or nothing when one is unknown', async () => {
      const { invoke } = await withActions(databaseId);
      await expect(
        invoke('register-release', {
          title: 'Half known',
          type: 'minor',
          cis: [
            { entityRef: 'resource:default/orders-db', role: 'updated' },
            { entityRef: 'component:default/nowhere', role: 'updated' },
          ],
        }),
      ).rejects.toThrow(
        /cis\.1\.entityRef: component:default\/nowhere is not in the catalog/,
      );
      const { output: list } = (await invoke('list-releases', {
        text: 'Half known',
      })) as any;
      expect(list.totalCount).toBe(0);
    });

    it('registers, lists, reads, moves and analyses a release as the caller', async () => {
      const { invoke } = await withActions(databaseId);
      const { output: registered } = (await invoke('register-release', {
        title: 'Agent-registered release',
        type: 'minor',
        ...nextWeekWindow(),
        cis: [{ entityRef: 'resource:default/orders-db', role: 'updated' }],
      })) as any;
      expect(registered).toMatchObject({
        number: expect.stringMatching(/^REL-\d{6}$/),
        status: 'registered',
        allowedActions: expect.arrayContaining(['plan']),
      });

      const { output: list } = (await invoke('list-releases', {
        entityRef: 'component:default/orders-service',
        includeImpacted: true,
      })) as any;
      expect(list.releases.map((r: any) => r.id)).toContain(registered.id);

      const { output: details } = (await invoke('get-release', {
        id: registered.id,
      })) as any;
      expect(details.cis).toEqual([
        { entityRef: 'resource:default/orders-db', role: 'updated' },
      ]);
      // The assessment is read as the release page shows it.
      expect(details.risk).toMatchObject({
        level: expect.stringMatching(/^(low|medium|high)$/),
        overrideJustification: null,
      });
      // Its approval round is read too; no action decides one.
      expect(details.approvals).toEqual({
        round: 0,
        status: 'none',
        currentStep: null,
        steps: [],
      });
      expect(details.risk.factors).toContainEqual(
        expect.objectContaining({
          factor: 'impacted-entities',
          subjects: expect.arrayContaining(['resource:default/orders-db']),
        }),
      );

      const { output: planned } = (await invoke('transition-release', {
        id: registered.id,
        action: 'plan',
        expectedVersion: details.version,
      })) as any;
      expect(planned.status).toBe('planning');
      await expect(
        invoke('transition-release', {
          id: registered.id,
          action: 'plan',
          expectedVersion: details.version,
        }),
      ).rejects.toThrow(/changed by someone else|Cannot plan/);

      const { output: impact } = (await invoke('release-impact', {
        id: registered.id,
        depth: 1,
      })) as any;
      expect(impact.entities).toContainEqual(
        expect.objectContaining({
          entityRef: 'component:default/orders-service',
          distance: 1,
          path: 'resource:default/orders-db -dependencyOf-> component:default/orders-service',
        }),
      );
    });

    it('refuses bad input by schema and applies permissions as HTTP does', async () => {
      const { invoke } = await withActions(databaseId, {
        permission: AuthorizeResult.DENY,
      });
      await expect(
        invoke('register-release', { title: '', type: 'tiny' }),
      ).rejects.toThrow(/title|type/);
      await expect(
        invoke('register-release', { title: 'Denied', type: 'minor' }),
      ).rejects.toThrow(/may not register releases/);
      const { output } = (await invoke('list-releases', {})) as any;
      expect(output).toEqual({ totalCount: 0, releases: [] });
    });
  },
);
