// Storybook for the web app's components (stories in apps/web/src/**/*.stories.tsx).
// Storybook is installed in the web workspace, so its framework is resolved from there.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '../apps/web');
const requireFromWeb = createRequire(path.join(webDir, 'package.json'));
const frameworkDir = path.dirname(requireFromWeb.resolve('@storybook/react-vite/package.json'));

const config = {
  stories: ['../apps/web/src/**/*.stories.tsx'],
  framework: {
    name: frameworkDir,
    options: { builder: { viteConfigPath: path.join(webDir, 'vite.config.ts') } },
  },
  addons: [],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Docgen parses every component's types: slow, and these stories do not use the props table.
  typescript: { reactDocgen: false },
  staticDirs: [],
};

export default config;
