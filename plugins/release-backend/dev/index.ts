import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

// A minimal backend for working on this plugin alone (`yarn start` in this
// folder). Auth is mocked so the API can be called with curl:
//
//   curl http://localhost:7007/api/release/health
//
// Run the whole portal from the repository root for the real thing.
const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('../src'));

backend.start();
