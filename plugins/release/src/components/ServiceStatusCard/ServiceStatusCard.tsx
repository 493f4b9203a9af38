import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { releaseApiRef } from '../../api';

/** Whether the release service and its database answer. */
export const ServiceStatusCard = () => {
  const releaseApi = useApi(releaseApiRef);
  const { value, loading, error } = useAsync(
    () => releaseApi.getHealth(),
    [releaseApi],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return (
    <InfoCard title="Release service">
      {value?.database ? (
        <Typography>
          <StatusOK>Connected: the release database is available.</StatusOK>
        </Typography>
      ) : (
        <Typography>
          <StatusError>
            Unavailable: the release database does not answer.
          </StatusError>
        </Typography>
      )}
    </InfoCard>
  );
};
