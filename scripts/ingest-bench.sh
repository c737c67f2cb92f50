#!/usr/bin/env bash
# Ingest throughput of the settlement server against a raw JDBC batch insert (docs/benchmarks.md, "Settlement server").
#   scripts/ingest-bench.sh [h2|postgres] [RECORDS_PER_TILL]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
db="${1:-h2}"; per="${2:-600}"
mvn -B -q -o test-compile -pl e2e -am -DskipTests >&2 || mvn -B -q test-compile -pl e2e -am -DskipTests >&2
mvn -B -q -o dependency:build-classpath -pl e2e -am -Dmdep.outputFile=/tmp/yishi-e2e.cp -Dmdep.includeScope=test >&2
cp=""
for m in e2e/target/test-classes sync-server/target/classes pos-client/target/classes sync-protocol/target/classes core/target/classes config/target/classes card-reader/target/classes receipts/target/classes; do cp="$cp$root/$m:"; done
cp="$cp$(cat /tmp/yishi-e2e.cp)"
cd e2e && exec java ${YISHI_BENCH_SERVER_JVM:+-Dyishi.e2e.server.jvm="$YISHI_BENCH_SERVER_JVM"} -cp "$cp" org.yishi.e2e.bench.IngestBench "$db" "$per"
