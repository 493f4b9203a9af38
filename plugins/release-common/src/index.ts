/**
 * Types, the release workflow, request schemas and permissions shared by the
 * release backend and frontend.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './impact';
export * from './events';
export * from './signals';
export * from './priority';
export * from './releaseNumber';
export * from './workflow';
export * from './entityRefs';
export * from './schemas';
export * from './fieldErrors';
export * from './search';
export * from './permissions';
export * from './notifications';
export * from './metrics';
export * from './approvals';
export * from './risk';
