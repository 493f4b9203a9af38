import { Content } from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { ReleaseDesktopContent } from '../ReleaseDesktop';
import { ReleaseDetailsContent } from '../ReleaseDetailsPage';

/**
 * The "Desktop" tab of the new frontend system's release page, at
 * `releases`: the desktop itself, and one release at `releases/:id` (the
 * path of `releaseRouteRef`), so links to a release keep the tab selected.
 */
export const DesktopSubPage = () => (
  <Routes>
    <Route
      index
      element={
        <Content>
          {/* The page's tabs lead to the other release pages. */}
          <ReleaseDesktopContent withPageLinks={false} />
        </Content>
      }
    />
    <Route
      path=":id"
      element={
        <Content>
          <ReleaseDetailsContent />
        </Content>
      }
    />
  </Routes>
);
