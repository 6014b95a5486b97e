#!/bin/sh
# window-clerk: the workstation (no arguments: the window program; `cli …` = `python -m clerk …`;
# `--version`). Finds its own install prefix, so the tree also runs where it was only extracted.
set -e
self=$(readlink -f "$0")
prefix=$(dirname "$(dirname "$self")")
py="$prefix/python/bin/python3"
case "${1:-}" in
  --version|-V)
    exec "$py" -I -c 'import clerk; print("window-clerk", clerk.__version__)' ;;
  cli)
    shift
    exec "$py" -I -m clerk "$@" ;;
  *)
    exec "$py" -I "$prefix/app/main.py" "$@" ;;
esac
