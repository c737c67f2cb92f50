#!/usr/bin/env bash
# Issue 10's numbers on a long-lived till (docs/benchmarks.md): open time, heap after open, journal verify speed,
# void/refund/reprint of the oldest and newest sales. Make the till first:
#   ./yishi till simulate --dir /tmp/till-3y --days 1095 --meals-per-day 300
#   scripts/long-lived-till.sh /tmp/till-3y
# Works on a copy (DIR-bench) beside the till. Not part of the test run.
set -euo pipefail
dir=${1:?usage: scripts/long-lived-till.sh SIMULATED_DIR}
cd "$(dirname "$0")/.."
mvn -B -q -o -pl pos-client -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
cd pos-client
exec java ${YISHI_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
    org.yishi.till.bench.LongLivedTillSpeed "$dir"
