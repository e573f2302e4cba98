#!/usr/bin/env bash
# Builds the client life quietly (offline once the dependencies are cached) and runs it
# against the registry URL given as the first argument.
set -euo pipefail
cd "$(dirname "$0")"
offline=()
[ -f target/classpath.txt ] && offline=(-o)
mvn -q -B -Dstyle.color=never "${offline[@]}" compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  || mvn -q -B -Dstyle.color=never compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/classes:$(cat target/classpath.txt)" \
  cse.mock.clients.ClientLife "$@"
