import {
  Content,
  ContentHeader,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ServiceStatusCard } from '../ServiceStatusCard';

/** The release management landing page at `/release`. */
export const ReleaseHomePage = () => (
  <Page themeId="tool">
    <Header
      title="Release management"
      subtitle="Register, plan, deploy and close releases of the catalog's components"
    />
    <Content>
      <ContentHeader title="Releases">
        <SupportButton>
          ITIL release management: the catalog's entities are the configuration
          items that releases change.
        </SupportButton>
      </ContentHeader>
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <ServiceStatusCard />
        </Grid>
      </Grid>
    </Content>
  </Page>
);
