#!/usr/bin/env bash
# Runs the JMH benchmarks of one module: scripts/bench.sh MODULE [REGEX] [extra JMH args...]
#   scripts/bench.sh core                      # all benchmarks in core
#   scripts/bench.sh pos-client CardLookup     # only matching benchmarks
# Results: MODULE/target/jmh-result.json and the console. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?usage: scripts/bench.sh MODULE [REGEX]}
regex=${2:-.*}
mvn -B -q install -DskipTests -pl "$module" -am
mvn -B -q -Pbench -pl "$module" test-compile exec:exec -Dbench="$regex"
