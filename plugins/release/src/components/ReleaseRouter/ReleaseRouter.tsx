import { Route, Routes } from 'react-router-dom';
import { CalendarPage } from '../CalendarPage';
import { ClosedSearchPage } from '../ClosedSearchPage';
import { DeliveryPage } from '../DeliveryPage';
import { JustificationAdminPage } from '../JustificationAdminPage';
import { PortfolioListPage, PortfolioPage } from '../PortfolioPages';
import { ReleaseDesktop } from '../ReleaseDesktop';
import { ReleaseDetailsPage } from '../ReleaseDetailsPage';

/** The release pages under the plugin's mount point. */
export const ReleaseRouter = () => (
  <Routes>
    <Route path="/" element={<ReleaseDesktop />} />
    <Route path="/search" element={<ClosedSearchPage />} />
    <Route path="/releases/:id" element={<ReleaseDetailsPage />} />
    <Route path="/portfolios" element={<PortfolioListPage />} />
    <Route path="/portfolios/:id" element={<PortfolioPage />} />
    <Route path="/calendar" element={<CalendarPage />} />
    <Route path="/delivery" element={<DeliveryPage />} />
    <Route path="/justifications" element={<JustificationAdminPage />} />
  </Routes>
);
