#!/usr/bin/env bash
# Measures tap-to-UID latency through pcscd + vpcd + the project's virtual card (docs/pcsc-readers.md):
#   scripts/pcsc-latency.sh [TAPS]      # default 100 taps; needs root and the packages .ci/run installs
# Takes over pcscd (stops a running one) like the integration test.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl card-reader -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
cd card-reader
exec java --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED \
    -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
    org.yishi.cardreader.pcsc.bench.TapLatencyProbe "${1:-100}"
