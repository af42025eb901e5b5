#!/usr/bin/env bash
# Engine throughput benchmark: 1,000 concurrent executions of the seed OOMKill 7-step graph with `wait 0` steps,
# one engine replica, embedded PostgreSQL, loopback only. Prints its figures (look for "ENGINE BENCHMARK").
# Usage: bench/engine/run.sh [runs]
set -eu
cd "$(dirname "$0")/../.."
# shellcheck source=../../bin/jdk-env
. bin/jdk-env
kubernaut_find_jdk
./mvnw -o -B -pl workflow-engine-service verify -Dtest=ExecutionBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkubernaut.bench=true -Dkubernaut.bench.runs="${1:-1000}" | sed -n '/ENGINE BENCHMARK/,/first step start/p'
