# Unyo: the two commands of the README, and a few more.
.PHONY: start demo start-bare demo-down test e2e screenshots

# Install everything and start the portal with the demo's live sources: Prometheus
# and Alertmanager with 30 days of history, health endpoints, s3rver, pgBackRest and
# the backup jobs' reports (scripts/live.sh). Ctrl-C stops everything it started.
start:
	scripts/live.sh

# The same as start (its former name).
demo: start

# The bare portal: SQLite, example catalog, no other service (for wiring your own).
start-bare:
	scripts/start.sh

demo-down:
	scripts/demo/down.sh

# Everything CI runs: lint, type-check, unit, integration and end-to-end tests.
test:
	scripts/test.sh

e2e:
	scripts/e2e.sh

# Retakes the README's screenshots (docs/images/): starts the demo portal as
# `make start` does, runs `yarn screenshots` against it, stops it.
screenshots:
	UNYO_WHILE_READY='source scripts/env.sh && unyo_ensure_node && yarn screenshots' scripts/live.test.sh
