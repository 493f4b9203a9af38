import { Content } from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { PortfolioContent, PortfolioListContent } from '../PortfolioPages';

/**
 * The "Portfolios" tab of the new frontend system's release page, at
 * `portfolios`: the list, and one portfolio at `portfolios/:id` (the path of
 * `portfolioRouteRef`).
 */
export const PortfoliosSubPage = () => (
  <Routes>
    <Route
      index
      element={
        <Content>
          <PortfolioListContent />
        </Content>
      }
    />
    <Route
      path=":id"
      element={
        <Content>
          <PortfolioContent />
        </Content>
      }
    />
  </Routes>
);
