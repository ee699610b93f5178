import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import opsDashboardPlugin from '@unyo/plugin-ops-dashboard/alpha';
import runbooksPlugin from '@unyo/plugin-runbooks/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { catalogGraphModule } from './modules/catalogGraph';
import { languageModule } from './modules/language';

// `app.packages: all` also discovers the Unyo plugins from package.json; they
// are listed here as well so that the app does not depend on that setting
// (the same plugin object is only installed once).
export default createApp({
  features: [
    catalogPlugin,
    opsDashboardPlugin,
    runbooksPlugin,
    navModule,
    homeModule,
    catalogGraphModule,
    languageModule,
  ],
});
