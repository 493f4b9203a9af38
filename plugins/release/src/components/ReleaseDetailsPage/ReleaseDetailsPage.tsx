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
import { useReleaseLabels } from '../labels';
import { ReleaseRecord } from './ReleaseRecord';
import { useShownRelease } from './useShownRelease';

/**
 * One release with its page header (number · title, status, priority and
 * type), for the legacy frontend system.
 */
export const ReleaseDetailsPage = () => {
  const { id } = useRouteRefParams(releaseRouteRef);
  const { release, error, retry } = useShownRelease(id);
  const labels = useReleaseLabels();
  const { t } = labels;

  if (error && !release) {
    return (
      <Page themeId="tool">
        <Header title={t('record.release')} />
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
      <Header
        title={t('record.headline', {
          number: release.number,
          title: release.title,
        })}
        subtitle={t('record.release')}
      >
        <HeaderLabel
          label={t('field.status')}
          value={labels.status(release.status)}
        />
        <HeaderLabel
          label={t('field.priority')}
          value={labels.priority(release.priority)}
        />
        <HeaderLabel
          label={t('field.type')}
          value={labels.type(release.type)}
        />
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
