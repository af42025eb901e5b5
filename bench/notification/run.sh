#!/usr/bin/env bash
# Outbox throughput of notification-service: N notifications POSTed over loopback by C clients (accepted/s), then
# delivered through the log channel by two delivery workers on the same PostgreSQL (delivered/s).
# Usage: bench/notification/run.sh [N=2000] [C=4]
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/jdk-env
kubernaut_find_jdk
./mvnw -o -B -q -pl notification-service test -Dspring-javaformat.skip=true \
  -Dtest=OutboxThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true -Dbench.notifications="${1:-2000}" -Dbench.clients="${2:-4}" \
  -Dlogging.level.kubernaut.notifications=WARN 2>&1 | grep -E '^BENCH|FAIL|ERROR\]' || true
grep -h '^BENCH' notification-service/target/surefire-reports/*OutboxThroughputBenchmark*-output.txt 2>/dev/null | tail -1
