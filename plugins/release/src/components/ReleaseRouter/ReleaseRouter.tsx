import { Route, Routes } from 'react-router-dom';
import { ClosedSearchPage } from '../ClosedSearchPage';
import { ReleaseDesktop } from '../ReleaseDesktop';
import { ReleaseDetailsPage } from '../ReleaseDetailsPage';

/** The release pages under the plugin's mount point. */
export const ReleaseRouter = () => (
  <Routes>
    <Route path="/" element={<ReleaseDesktop />} />
    <Route path="/search" element={<ClosedSearchPage />} />
    <Route path="/releases/:id" element={<ReleaseDetailsPage />} />
  </Routes>
);
