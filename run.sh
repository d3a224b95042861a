#!/usr/bin/env bash
# Runs the Passerine sample on Open Liberty, http://localhost:9080/sample/, and, as its X, the X emulator in a server
# of its own, http://localhost:9081/ (X's paths at its root). Ctrl-C stops both. Build first (once, and after changes):
#
#   mvn -B install -DskipTests && ./run.sh            # extra arguments go to Maven, e.g. ./run.sh -o
#
# The emulator's control surface (/_control) is on, behind a secret generated for this run (or X_EMULATOR_CONTROL_SECRET
# if set, at least 16 characters), kept in sample-war/target/x-emulator-control.secret (readable by you only):
#   curl -H "X-Emulator-Control-Secret: $(cat sample-war/target/x-emulator-control.secret)" http://localhost:9081/_control/stats
#
# With MP_CONFIG_PROFILE=x (the real X, see docs/sample.md) only the sample starts: the emulator is not deployed at all.
# LIBERTY_GOAL=dev ./run.sh runs the sample with liberty:dev (hot reload) instead of liberty:run.
set -euo pipefail
cd "$(dirname "$0")"
WLP=sample-war/target/liberty/wlp

if [ "${MP_CONFIG_PROFILE:-}" = x ]; then
  echo "MP_CONFIG_PROFILE=x: the sample only, against the real X (no emulator)"
  exec mvn -B -pl sample-war "liberty:${LIBERTY_GOAL:-run}" "$@"
fi

# the Liberty runtime with the sample's server, and the emulator's server x-emulator next to it (server-config/emulator)
mvn -B -q -pl sample-war "$@" liberty:create resources:copy-resources@x-emulator-server dependency:copy@x-emulator-war \
  dependency:copy@h2-driver

SECRET_FILE=sample-war/target/x-emulator-control.secret
secret=${X_EMULATOR_CONTROL_SECRET:-$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')}
(umask 077 && printf '%s\n' "$secret" > "$SECRET_FILE")

stop_emulator() { "$WLP/bin/server" stop x-emulator || true; }
trap stop_emulator EXIT
trap 'exit 130' INT TERM
"$WLP/bin/server" stop x-emulator > /dev/null 2>&1 || true # one left by a killed run
X_EMULATOR_CONTROL_ENABLED=true X_EMULATOR_CONTROL_SECRET=$secret "$WLP/bin/server" start x-emulator
unset secret

cat <<EOF

  X emulator:  http://localhost:9081/  (control secret in $SECRET_FILE)
  sample:      http://localhost:9080/sample/  (starting now; Ctrl-C stops both)

EOF
mvn -B -pl sample-war "liberty:${LIBERTY_GOAL:-run}" "$@"
