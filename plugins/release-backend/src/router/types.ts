import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ReleaseServices } from '../service';

/** What the routers need: the use cases and a way to tell who calls. */
export type RouterOptions = {
  httpAuth: HttpAuthService;
  services: ReleaseServices;
};
