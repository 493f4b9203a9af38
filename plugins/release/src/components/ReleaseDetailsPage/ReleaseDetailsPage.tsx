import {
  Content,
  Header,
  HeaderLabel,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRefParams } from '@backstage/core-plugin-api';
import { releaseRouteRef } from '../../routes';
import { priorityLabels, statusLabels } from '../labels';
import { ReleaseRecord } from './ReleaseRecord';
import { useShownRelease } from './useShownRelease';

/**
 * One release with its page header (number · title, status, priority and
 * type), for the legacy frontend system.
 */
export const ReleaseDetailsPage = () => {
  const { id } = useRouteRefParams(releaseRouteRef);
  const { release, error, retry } = useShownRelease(id);

  if (error && !release) {
    return (
      <Page themeId="tool">
        <Header title="Release" />
        <Content>
          <ResponseErrorPanel error={error} />
        </Content>
      </Page>
    );
  }
  if (!release) {
    return <Progress />;
  }
  return (
    <Page themeId="tool">
      <Header title={`${release.number} · ${release.title}`} subtitle="Release">
        <HeaderLabel label="Status" value={statusLabels[release.status]} />
        <HeaderLabel
          label="Priority"
          value={priorityLabels[release.priority]}
        />
        <HeaderLabel label="Type" value={release.type} />
      </Header>
      <Content>
        <ReleaseRecord
          release={release}
          refreshError={error}
          onReload={retry}
        />
      </Content>
    </Page>
  );
};
