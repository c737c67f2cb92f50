#!/usr/bin/env bash
# Runs JMH benchmarks of one module (docs/benchmarks.md):
#   scripts/bench.sh core                          # every benchmark in core
#   scripts/bench.sh pos-client CardLookupBench    # those matching a regex
#   scripts/bench.sh pos-client DurableSaleBench -wi 1 -i 3   # any JMH option after the regex
# Builds the module and its siblings in the reactor (nothing is installed into ~/.m2), then runs
# org.openjdk.jmh.Main on the test classpath. Results: MODULE/target/jmh-result.json and the console.
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?usage: scripts/bench.sh MODULE [REGEX] [JMH options]}
regex=${2:-.}
shift $(( $# >= 2 ? 2 : 1 ))
mvn -B -q -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
cd "$module"
exec java -cp "target/test-classes:target/classes:$(cat target/test.classpath)" org.openjdk.jmh.Main "$regex" \
    -rf json -rff target/jmh-result.json "$@"
