/*
 * The Unyo portal's backend: Backstage's catalog, search, auth and
 * permissions, with Unyo's catalog kinds and operations backend.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Auth: the guest provider is for development and the demo only.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog, with Unyo's kinds: SLO, SLI, Runbook, BackupPolicy.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@unyo/plugin-catalog-backend-module-ops'));

// Permissions. Replace the allow-all policy with your own; Unyo's permissions
// are `ops.silence.create` and `ops.runbook.execute`.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Search of catalog entities (in memory on SQLite, PostgreSQL in production).
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
// The events bus: on PostgreSQL it is stored in the database, so a signal
// published on one replica reaches browsers connected to any other
// (docs/deploy.md); on SQLite (one process) it stays in memory.
backend.add(import('@backstage/plugin-events-backend'));

// Unyo: SLOs, alerts, backups, health and runbook actions under /api/ops.
backend.add(import('@unyo/plugin-ops-backend'));
// Backup source types outside the core (plugins/*/README.md of each module).
backend.add(import('@unyo/plugin-ops-backend-module-aws'));
backend.add(import('@unyo/plugin-ops-backend-module-azure'));
backend.add(import('@unyo/plugin-ops-backend-module-postgres'));

// Unyo's actions for AI assistants over MCP at /api/mcp-actions/v1
// (backend.actions.pluginSources in app-config.yaml names the plugins served).
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
