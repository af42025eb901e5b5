#!/usr/bin/env bash
# Gateway intake benchmark: 64 concurrent connections posting single-alert Alertmanager notifications on
# loopback to the whole gateway (real PostgreSQL, sandbox Kubernetes API, fast stub engine); ~10 % new
# fingerprints, the rest duplicates. Prints throughput and latency percentiles. See README.md.
set -eu
cd "$(dirname "$0")/../.."
# shellcheck source=../../bin/jdk-env
. bin/jdk-env
kubernaut_find_jdk
# -Pbench: the benchmark JVM gets the full JIT (the build's test JVMs stop at C1 to start fast).
./mvnw -o -B -Pbench -pl gateway-service verify -Dtest=IntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true "$@" 2>&1 | sed -n -e '/GATEWAY INTAKE BENCHMARK/,/remediations stored/p' -e '/GATEWAY INTAKE WITHOUT HTTP/,/jvm cpu per alert/p'
