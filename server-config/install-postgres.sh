#!/usr/bin/env bash
# Issue 17: installs Debian's postgresql (server binaries under /usr/lib/postgresql/<major>/bin) for the stored-grant
# cluster IT (GrantsClusterIT starts its own throw-away server on a free port from those binaries; no service is
# started here). Run by the build (sample-war, pre-integration-test) and usable by hand. Does nothing when an initdb
# is already there. Skip with -Dskip.postgres (the IT is then skipped when no PostgreSQL is found).
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "install-postgres: $(ls -d /usr/lib/postgresql/*/bin | head -1) already installed"
  exit 0
fi
echo "install-postgres: no /usr/lib/postgresql/*/bin/initdb; installing the Debian package postgresql"
SUDO=
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
  else
    echo "install-postgres: ERROR: not root and no password-less sudo; run: sudo apt-get install -y postgresql" >&2
    echo "  or skip the PostgreSQL IT with -Dskip.postgres" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-postgres: ERROR: no apt-get; install PostgreSQL server binaries, or use -Dskip.postgres" >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql
# the package starts a cluster service on 5432 where there is an init system; the IT does not use it
