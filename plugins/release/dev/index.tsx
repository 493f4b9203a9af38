import { createDevApp } from '@backstage/dev-utils';
import { releasePlugin, ReleasePage } from '../src/plugin';

createDevApp()
  .registerPlugin(releasePlugin)
  .addPage({
    element: <ReleasePage />,
    title: 'Releases',
    path: '/release',
  })
  .render();
