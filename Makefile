# Unyo: the two commands of the README, and a few more.
.PHONY: start demo demo-down test e2e

# Install everything and start the portal (SQLite, example catalog, no other service).
start:
	scripts/start.sh

# The same, plus a local Prometheus and Alertmanager with 30 days of demo history.
# The demo's backup runs are reported once the backend is up (docs/demo-backups.md).
demo:
	scripts/demo/up.sh
	scripts/demo/push-backup-reports.sh --wait &
	scripts/start.sh --config ../../app-config.yaml --config ../../app-config.demo.yaml

demo-down:
	scripts/demo/down.sh

# Everything CI runs: lint, type-check, unit, integration and end-to-end tests.
test:
	scripts/test.sh

e2e:
	scripts/e2e.sh
