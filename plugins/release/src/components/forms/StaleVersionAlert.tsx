import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';

/**
 * The backend refused a change because someone else changed the record
 * first (409): says so and offers to reload. What the user typed stays.
 */
export const StaleVersionAlert = (props: {
  /** What changed, e.g. "this release", `the activity "Smoke test"`. */
  what?: string;
  onReload: () => void;
}) => (
  <Alert
    severity="warning"
    action={
      <Button color="inherit" size="small" onClick={props.onReload}>
        Reload
      </Button>
    }
  >
    Someone else changed {props.what ?? 'this release'}. Reload it to see their
    changes; what you typed here is kept.
  </Alert>
);
