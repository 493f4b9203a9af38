import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { releaseTranslationRef } from '../../translations';
import { CalendarContent } from './CalendarContent';

/** The release calendar with its page header, for the legacy frontend system. */
export const CalendarPage = () => {
  const { t } = useTranslationRef(releaseTranslationRef);
  return (
    <Page themeId="tool">
      <Header
        title={t('pages.calendarTitle')}
        subtitle={t('pages.calendarSubtitle')}
      />
      <Content>
        <CalendarContent />
      </Content>
    </Page>
  );
};
