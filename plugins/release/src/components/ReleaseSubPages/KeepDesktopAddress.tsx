import { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';

/** The path of the desktop tab under the release page (alpha.tsx). */
export const desktopSubPagePath = 'releases';

/**
 * The new frontend system's release page, where `/release?…` opens the
 * desktop with the filters of its address, as a shared link of the legacy
 * app's desktop does (docs/process.md#the-desktop). The page's own redirect
 * to its first tab keeps the path only, and would drop them.
 */
export const KeepDesktopAddress = (props: { children: ReactNode }) => {
  const { search } = useLocation();
  return (
    <Routes>
      {search && (
        <Route
          index
          element={
            <Navigate to={{ pathname: desktopSubPagePath, search }} replace />
          }
        />
      )}
      <Route path="*" element={props.children} />
    </Routes>
  );
};
