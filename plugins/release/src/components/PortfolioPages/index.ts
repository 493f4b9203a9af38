export { PortfolioListPage } from './PortfolioListPage';
export { PortfolioPage } from './PortfolioPage';
