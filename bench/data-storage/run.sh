#!/usr/bin/env bash
# Discovery step 2 latency at 10,000 and 100,000 generated workflows (see README.md).
# Loopback only: an embedded PostgreSQL started for the run, stopped when it ends. Bounded: about 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../bin/jdk-env
. bin/jdk-env
kubernaut_find_jdk
./mvnw -o -B -Pbench -pl data-storage-service verify \
  -Dtest=DiscoveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkubernaut.bench=true -Dkubernaut.test.embedded-postgres=true \
  -Dkubernaut.bench.queries="${QUERIES:-3000}" \
  | sed -n '/^PostgreSQL:/,/^\[INFO\] Tests run/p' | grep -v '^\[INFO\] Tests run' | grep -v 'EmbeddedPostgres'
