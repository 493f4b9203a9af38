import {
  AlertApiForwarder,
  AppIcons,
  createSpecializedApp,
} from '@backstage/core-app-api';
import {
  alertApiRef,
  attachComponentData,
  createApiFactory,
  errorApiRef,
  fetchApiRef,
  storageApiRef,
} from '@backstage/core-plugin-api';
import {
  MockErrorApi,
  MockFetchApi,
  MockStorageApi,
  renderWithEffects,
} from '@backstage/test-utils';
import { themes, UnifiedThemeProvider } from '@backstage/theme';
import AnyIcon from '@material-ui/icons/HelpOutline';
import { ReactNode, Suspense } from 'react';
import { MemoryRouter, Route } from 'react-router-dom';
import { ReleaseApi } from '../api';
import { releaseTranslations } from '../translations';
import { mountedRoutes, withReleaseApis } from './renderWithApis';

/** The app's system icons: the views under test show none of them. */
const icons: AppIcons = {
  'kind:api': AnyIcon,
  'kind:component': AnyIcon,
  'kind:domain': AnyIcon,
  'kind:group': AnyIcon,
  'kind:location': AnyIcon,
  'kind:system': AnyIcon,
  'kind:user': AnyIcon,
  'kind:resource': AnyIcon,
  'kind:template': AnyIcon,
  brokenImage: AnyIcon,
  catalog: AnyIcon,
  chat: AnyIcon,
  dashboard: AnyIcon,
  docs: AnyIcon,
  email: AnyIcon,
  github: AnyIcon,
  group: AnyIcon,
  help: AnyIcon,
  scaffolder: AnyIcon,
  search: AnyIcon,
  techdocs: AnyIcon,
  user: AnyIcon,
  warning: AnyIcon,
  star: AnyIcon,
  unstarred: AnyIcon,
};

/** Holds the mounted routes: the app reads them, nothing shows them. */
const NoRender = (_props: { children: ReactNode }) => null;
const MountPoint = () => null;

/**
 * Renders a release view, with the APIs of `renderWithApis`, in an app that
 * offers English and Brazilian Portuguese like the example portal does, after
 * the user chose `language` in the settings (kept in local storage).
 */
export async function renderInLanguage(
  language: 'en' | 'pt-BR',
  view: ReactNode,
  api: Partial<ReleaseApi>,
  options: { routeEntries?: string[] } = {},
) {
  window.localStorage.setItem('language', language);
  const app = createSpecializedApp({
    apis: [
      createApiFactory(alertApiRef, new AlertApiForwarder()),
      createApiFactory(errorApiRef, new MockErrorApi()),
      createApiFactory(fetchApiRef, new MockFetchApi()),
      createApiFactory(storageApiRef, MockStorageApi.create()),
    ],
    // The views under test read no configuration.
    configLoader: async () => [],
    __experimentalTranslations: {
      availableLanguages: ['en', 'pt-BR'],
      resources: [releaseTranslations],
    },
    components: {
      Progress: () => null,
      BootErrorPage: ({ error }) => {
        throw error;
      },
      NotFoundErrorPage: () => {
        throw new Error('Reached the not-found page');
      },
      ErrorBoundaryFallback: ({ error }) => {
        throw error;
      },
      Router: ({ children }) => (
        <MemoryRouter initialEntries={options.routeEntries}>
          {children}
        </MemoryRouter>
      ),
    },
    themes: [
      {
        id: 'light',
        title: 'Light',
        variant: 'light',
        Provider: ({ children }) => (
          <UnifiedThemeProvider theme={themes.light}>
            {children}
          </UnifiedThemeProvider>
        ),
      },
    ],
    plugins: [],
    icons,
  });
  const AppProvider = app.getProvider();
  const AppRouter = app.getRouter();
  const routes = Object.entries(mountedRoutes).map(([path, routeRef]) => {
    const Mounted = () => <MountPoint />;
    attachComponentData(Mounted, 'core.mountPoint', routeRef);
    return <Route key={path} path={path} element={<Mounted />} />;
  });
  return renderWithEffects(
    <AppProvider>
      <AppRouter>
        <NoRender>{routes}</NoRender>
        {/* The chosen language's messages load lazily. */}
        <Suspense fallback={null}>{withReleaseApis(view, api)}</Suspense>
      </AppRouter>
    </AppProvider>,
  );
}
