export { PortfolioListPage } from './PortfolioListPage';
export { PortfolioListContent } from './PortfolioListContent';
export { PortfolioContent, PortfolioPage } from './PortfolioPage';
