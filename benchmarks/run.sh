#!/usr/bin/env bash
# Builds the benchmarks jar and runs every JMH benchmark of docs/performance.md in one run, then prints the
# ratios against the targets. Extra arguments go to JMH, e.g. a regex: ./benchmarks/run.sh Pipeline
# Result: benchmarks/target/jmh-result.json. Set MVN_OPTS_EXTRA=-o to build offline.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OPTS_EXTRA:-} -pl benchmarks -am package -DskipTests -Dspotless.check.skip=true
exec java -jar benchmarks/target/benchmarks.jar -rf json -rff benchmarks/target/jmh-result.json "$@"
