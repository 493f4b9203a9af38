import {
  RELEASE_ACTIVITY_ASSIGNED_TOPIC,
  RELEASE_APPROVAL_REQUESTED_TOPIC,
  RELEASE_OVERDUE_DIGEST_TOPIC,
  releaseNotificationNames,
  releaseNotificationTopic,
} from './notifications';
import { RELEASE_ACTIONS } from './types';

describe('release notification names', () => {
  it('names every topic the backend sends, each differently', () => {
    const topics = [
      ...['register' as const, ...RELEASE_ACTIONS].map(
        releaseNotificationTopic,
      ),
      RELEASE_ACTIVITY_ASSIGNED_TOPIC,
      RELEASE_APPROVAL_REQUESTED_TOPIC,
      RELEASE_OVERDUE_DIGEST_TOPIC,
    ];
    const names = topics.map(t => releaseNotificationNames.topicNames[t]);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(topics.length);
    expect(Object.keys(releaseNotificationNames.topicNames).sort()).toEqual(
      [...topics].sort(),
    );
  });
});
