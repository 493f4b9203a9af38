import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { releaseTranslationRef } from '../../translations';
import { DeliveryComparisonContent } from './DeliveryComparisonContent';

/** The delivery comparison with its page header, for the legacy frontend system. */
export const DeliveryPage = () => {
  const { t } = useTranslationRef(releaseTranslationRef);
  return (
    <Page themeId="tool">
      <Header
        title={t('delivery.pageTitle')}
        subtitle={t('delivery.pageSubtitle')}
      />
      <Content>
        <DeliveryComparisonContent />
      </Content>
    </Page>
  );
};
