import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CI_ROLES,
  FieldError,
  RELEASE_TYPES,
} from '@internal/plugin-release-common';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long to wait for a just-registered component to reach the catalog. */
const CATALOG_WAIT_MS = 30_000;

/** The backend's error, with the fields it names (docs/errors.md). */
async function failure(
  response: Response,
  what: string,
): Promise<{ error: Error; details: FieldError[] }> {
  let message = `${response.status} ${response.statusText}`;
  let details: FieldError[] = [];
  try {
    const body = (await response.json()).error;
    message = body.message ?? message;
    details = body.details ?? [];
  } catch {
    // not the backend's JSON error
  }
  return { error: new Error(`Could not ${what}: ${message}`), details };
}

/**
 * `release:register`: registers a release for the component a template
 * creates or changes, with the component related as a configuration item
 * in the same request.
 * It calls the release backend on behalf of the user running the template,
 * so their permissions apply.
 */
export function createRegisterReleaseAction(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  catalogWaitMs?: number;
}) {
  return createTemplateAction({
    id: 'release:register',
    description:
      'Registers a release for a catalog entity the template creates or changes, and relates the entity to it as a configuration item.',
    schema: {
      input: {
        title: z => z.string().min(1).max(200).describe('Release title'),
        entityRef: z =>
          z
            .string()
            .describe(
              'The catalog entity the release changes, e.g. component:default/my-service',
            ),
        type: z =>
          z.enum(RELEASE_TYPES).default('minor').describe('Release type'),
        role: z =>
          z
            .enum(CI_ROLES)
            .default('new')
            .describe('What the release does to the entity'),
        description: z => z.string().max(20000).optional(),
        plannedStart: z => z.string().optional().describe('ISO 8601 date-time'),
        plannedEnd: z => z.string().optional().describe('ISO 8601 date-time'),
      },
      output: {
        id: z => z.string(),
        number: z => z.string(),
      },
    },
    async handler(ctx) {
      const { entityRef, role, ...fields } = ctx.input;
      const baseUrl = await options.discovery.getBaseUrl('release');
      const call = async (path: string, body: object) => {
        const { token } = await options.auth.getPluginRequestToken({
          onBehalfOf: await ctx.getInitiatorCredentials(),
          targetPluginId: 'release',
        });
        return fetch(`${baseUrl}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(body),
        });
      };

      // Optional template parameters left empty arrive as empty strings.
      const given = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== ''),
      );
      // The release and its CI in one transaction. A component the template
      // just registered may take a moment to be processed into the catalog:
      // while the only problem is that the CI is not there yet, nothing was
      // written and registering again is safe.
      const deadline = Date.now() + (options.catalogWaitMs ?? CATALOG_WAIT_MS);
      for (;;) {
        const registered = await call('/releases', {
          ...given,
          cis: [{ entityRef, role }],
        });
        if (registered.ok) {
          const release = await registered.json();
          ctx.output('id', release.id);
          ctx.output('number', release.number);
          ctx.logger.info(
            `Registered ${release.number} with ${entityRef} as its CI`,
          );
          return;
        }
        const { error, details } = await failure(
          registered,
          'register the release',
        );
        const waitingForCatalog =
          details.length === 1 &&
          details[0].field === 'cis.0.entityRef' &&
          /not in the catalog/.test(details[0].message);
        if (!waitingForCatalog || Date.now() > deadline) {
          throw error;
        }
        await sleep(2000);
      }
    },
  });
}
