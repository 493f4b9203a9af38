export { ImpactPathText, describePath } from './ImpactPathText';
export { ReleaseTouchText } from './ReleaseTouchText';
