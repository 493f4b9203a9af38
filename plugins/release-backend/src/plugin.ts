import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { ReleaseNotifier } from './notifications/ReleaseNotifier';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { registerReleaseActions } from './actions/releaseActions';
import { releasePermissions } from '@internal/plugin-release-common';
import { DatabaseReleaseStore } from './database/DatabaseReleaseStore';
import {
  releasePermissionResourceRef,
  releasePermissionRules,
} from './permissions';
import { CachingPermissions } from './permissions/CachingPermissions';
import { ReleaseEventPublisher } from './events/ReleaseEventPublisher';
import { ReleaseSignalPublisher } from './signals/ReleaseSignalPublisher';
import { ReleaseChangePublisher } from './changes/ReleaseChangePublisher';
import { createRouter } from './router';
import { createReleaseServices, ReleaseAuthorizer } from './service';
import { scheduleAutoResume } from './scheduler/autoResume';
import { seedExampleData } from './exampleData/seedExampleData';
import { readBlackoutWindows } from './blackouts/blackoutWindows';
import { readImpactSettings } from './impact/impactConfig';
import { readMetricsSettings } from './metrics/metricsSettings';
import { RiskAssessor } from './risk/RiskAssessor';
import { readRiskSettings } from './risk/riskSettings';
import { scheduleImpactRefresh } from './scheduler/impactRefresh';
import { OverdueDigest } from './notifications/OverdueDigest';
import { scheduleOverdueDigest } from './scheduler/overdueDigest';
import { scheduleNotificationOutbox } from './scheduler/notificationOutbox';
import { readReleaseLanguage, textsIn } from './texts';
import { localiseDefaultJustifications } from './texts/localiseDefaultJustifications';

/**
 * The release management backend plugin: the ITIL release workflow and the
 * release portfolio, stored in the plugin's own database.
 *
 * @public
 */
export const releasePlugin = createBackendPlugin({
  pluginId: 'release',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const language = readReleaseLanguage(deps.config);
        const texts = textsIn(language);
        const store = await DatabaseReleaseStore.create({
          database: deps.database,
        });
        await localiseDefaultJustifications(store, language, deps.logger);

        deps.permissionsRegistry.addResourceType({
          resourceRef: releasePermissionResourceRef,
          permissions: releasePermissions,
          rules: Object.values(releasePermissionRules),
          getResources: ids => store.releases.getResources(ids),
        });

        const impactSettings = readImpactSettings(deps.config);
        const blackoutWindows = readBlackoutWindows(deps.config);
        const metricsSettings = readMetricsSettings(deps.config);
        const risk = new RiskAssessor({
          store,
          sources: {
            settings: readRiskSettings(deps.config),
            blackoutWindows,
            metrics: metricsSettings,
          },
          now: () => new Date(),
          logger: deps.logger,
        });
        const signals = new ReleaseSignalPublisher(
          deps.signals,
          store.impact,
          deps.logger,
        );
        const changes = new ReleaseChangePublisher({
          store,
          auditor: deps.auditor,
          events: new ReleaseEventPublisher(deps.events, deps.logger),
          signals,
          notifier: new ReleaseNotifier(deps.notifications, deps.logger, texts),
          risk,
          logger: deps.logger,
        });
        const services = createReleaseServices({
          store,
          authorizer: new ReleaseAuthorizer(
            new CachingPermissions(
              deps.permissions,
              1000 *
                (deps.config.getOptionalNumber(
                  'release.permissions.decisionCacheSeconds',
                ) ?? 5),
            ),
            deps.permissionsRegistry,
          ),
          catalog: deps.catalog,
          logger: deps.logger,
          now: () => new Date(),
          impact: impactSettings,
          blackoutWindows,
          metrics: metricsSettings,
          risk,
          serviceCredentials: () => deps.auth.getOwnServiceCredentials(),
          changes,
          signals,
          userInfo: deps.userInfo,
          approvals: {
            separationOfDuties:
              deps.config.getOptionalBoolean(
                'release.approvals.separationOfDuties',
              ) ?? true,
          },
        });

        registerReleaseActions(deps.actionsRegistry, services);

        deps.httpRouter.use(
          await createRouter({ store, services, httpAuth: deps.httpAuth }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });

        if (deps.config.getOptionalBoolean('release.exampleData')) {
          await seedExampleData(store, deps.logger);
        }

        await scheduleImpactRefresh({
          scheduler: deps.scheduler,
          logger: deps.logger,
          impact: services.impact,
          schedule: impactSettings.refresh,
        });

        const scheduleAt = (key: string) => {
          const schedule = deps.config.getOptionalConfig(key);
          return schedule
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
            : undefined;
        };
        await scheduleAutoResume({
          scheduler: deps.scheduler,
          auth: deps.auth,
          logger: deps.logger,
          transitions: services.transitions,
          schedule: scheduleAt('release.autoResume'),
        });
        await scheduleNotificationOutbox({
          scheduler: deps.scheduler,
          changes,
          schedule: scheduleAt('release.notificationOutbox'),
        });
        await scheduleOverdueDigest({
          scheduler: deps.scheduler,
          logger: deps.logger,
          digest: new OverdueDigest(
            deps.notifications,
            store.activities,
            deps.logger,
            texts,
            store.approvals,
          ),
          schedule: scheduleAt('release.overdueDigest'),
        });
      },
    });
  },
});
