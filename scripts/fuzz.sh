#!/usr/bin/env bash
# Fuzzes one Jazzer target for a while (docs/testing.md):
#
#   scripts/fuzz.sh MODULE TestClass method MINUTES
#   scripts/fuzz.sh core JournalLineFuzzTest parseLine 5
#
# Runs the @FuzzTest MODULE's TestClass#method in fuzzing mode (JAZZER_FUZZ=1) for MINUTES minutes
# (JAZZER_MAX_DURATION, which overrides the annotation's maxDuration). libFuzzer's progress lines (#N ... exec/s) and
# its final "Done N runs in S second(s)" go to the console. A finding fails the run and is written as crash-<sha1>
# into MODULE/src/test/resources/<package>/<TestClass>Inputs/<method>/, where every later `mvn verify` runs it as a
# regression input: fix the code, keep the file. The corpus the fuzzer grows is kept in MODULE/.cifuzz-corpus/
# (not committed) and reused by the next run. MVN overrides the Maven command (e.g. MVN="mvn -o" offline).
set -euo pipefail
if [ $# -ne 4 ]; then
  echo "usage: scripts/fuzz.sh MODULE TestClass method MINUTES" >&2
  exit 2
fi
module=$1 class=$2 method=$3 minutes=$4
case "$minutes" in ''|*[!0-9]*) echo "MINUTES must be a whole number, got '$minutes'" >&2; exit 2;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -d "$module/src/test/java" ] || { echo "no module $module with tests" >&2; exit 2; }
export JAZZER_FUZZ=1
export JAZZER_MAX_DURATION="${minutes}m"
# -am builds what the module needs; -Dtest picks the one target (the other modules have no such test).
exec ${MVN:-mvn} -B -pl "$module" -am test -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.timeout=0 -DtrimStackTrace=false
