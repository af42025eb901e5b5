#!/usr/bin/env sh
# Gateway intake benchmark: 64 concurrent connections posting single-alert Alertmanager notifications on
# loopback to the whole gateway (real PostgreSQL, sandbox Kubernetes API, fast stub engine); ~10 % new
# fingerprints, the rest duplicates. Prints throughput and latency percentiles. See README.md.
set -eu
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -o -B -pl gateway-service verify -Dtest=IntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true "$@" 2>&1 | sed -n '/GATEWAY INTAKE BENCHMARK/,/remediations stored/p'
