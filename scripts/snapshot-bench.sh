#!/usr/bin/env bash
# A full registry snapshot to a new till, end to end (docs/benchmarks.md, "Settlement server"):
#   scripts/snapshot-bench.sh [ELDERS]        # default 2,000,000
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
elders="${1:-2000000}"
mvn -B -q -o test-compile -pl e2e -am -DskipTests >&2 || mvn -B -q test-compile -pl e2e -am -DskipTests >&2
mvn -B -q -o dependency:build-classpath -pl e2e -am -Dmdep.outputFile=/tmp/yishi-e2e.cp -Dmdep.includeScope=test >&2
cp=""
for m in e2e/target/test-classes sync-server/target/classes pos-client/target/classes sync-protocol/target/classes core/target/classes config/target/classes card-reader/target/classes receipts/target/classes; do cp="$cp$root/$m:"; done
cp="$cp$(cat /tmp/yishi-e2e.cp)"
cd e2e && exec java -Xmx3g -Dyishi.e2e.server.jvm="-Xmx3g" -cp "$cp" org.yishi.e2e.bench.SnapshotBench "$elders"
