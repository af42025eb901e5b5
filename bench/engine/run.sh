#!/usr/bin/env bash
# Engine throughput benchmark: 1,000 concurrent executions of the seed OOMKill 7-step graph with `wait 0` steps,
# one engine replica, embedded PostgreSQL, loopback only. Prints its figures (look for "ENGINE BENCHMARK").
# Usage: bench/engine/run.sh [runs] [wait|sandbox]   (sandbox: every step scales a Deployment on the sandbox API)
set -eu
cd "$(dirname "$0")/../.."
# shellcheck source=../../bin/jdk-env
. bin/jdk-env
kubernaut_find_jdk
./mvnw -o -B -Pbench -pl workflow-engine-service verify -Dtest=ExecutionBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkubernaut.bench=true -Dkubernaut.bench.runs="${1:-1000}" -Dkubernaut.bench.mode="${2:-wait}" | sed -n '/ENGINE BENCHMARK/,/step overhead/p'
