export { TransitionDialog } from './TransitionDialog';
