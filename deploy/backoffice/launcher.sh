#!/bin/sh
# window-clerk-backoffice: the platform and hall server (`python -m backoffice …`). Reads
# /etc/window-clerk/backoffice.toml unless --config or $BACKOFFICE_CONFIG says otherwise.
set -e
self=$(readlink -f "$0")
prefix=$(dirname "$(dirname "$self")")
if [ -z "${BACKOFFICE_CONFIG:-}" ] && [ -r /etc/window-clerk/backoffice.toml ]; then
  BACKOFFICE_CONFIG=/etc/window-clerk/backoffice.toml
  export BACKOFFICE_CONFIG
fi
exec "$prefix/python/bin/python3" -I -m backoffice "$@"
