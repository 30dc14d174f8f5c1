#!/usr/bin/env bash
# Sets up the peer tool `ocdskit compile` offline, as ../shared/data/ocds/PEER-OCDSKIT.md describes:
# Debian python3 packages plus source snapshots of five GitHub repositories, all under $PEER_HOME
# (default /tmp/peers, outside the repository). None of their code enters this repository.
#
#   bench/setup-ocdskit-peer.sh SNAPSHOTS
#
# SNAPSHOTS is a directory holding a git directory (bare or not) for each repository, named
# <owner>+<name>, <owner>+<name>/repo or <owner>+<name>.git — for example the mirror a `fetch` of
# github:open-contracting/ocdskit etc. leaves in /work/.mirror. Each must be at the commit below.
set -euo pipefail
SNAPSHOTS=${1:?usage: $0 SNAPSHOTS-DIR (see the comment at the top)}
PEER_HOME=${PEER_HOME:-/tmp/peers}
REPOS=(
  "open-contracting+ocdskit 7bfe195659abb25185189fc89e474a5e9dd1df90 ocdskit"
  "open-contracting+ocds-merge a124df3f0038522203b11431b60a0853b4b08ca5 ocdsmerge"
  "open-contracting+extension_registry.py d68ca8b966cc283399ac64ff98f2b99bb018ad8f ocdsextensionregistry"
  "gazpachoking+jsonref 6331c78a7eb126ad3c908960ea95b6dd363f421d jsonref"
  "OpenDataServices+json-merge-patch 1c3ca78f44d922c6fd6b17e19a925003c5dcae8f json_merge_patch"
)
if ! /usr/bin/python3 -c 'import ijson, jsonschema, requests, requests_cache' 2>/dev/null; then
  echo "installing Debian python3 packages (apt-get)..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python3-ijson python3-jsonschema python3-requests python3-requests-cache jq >/dev/null
fi
mkdir -p "$PEER_HOME/src" "$PEER_HOME/pylib"
for entry in "${REPOS[@]}"; do
  read -r name commit package <<<"$entry"
  gitdir=""
  for candidate in "$SNAPSHOTS/$name/repo" "$SNAPSHOTS/$name.git" "$SNAPSHOTS/$name/.git" "$SNAPSHOTS/$name"; do
    if git --git-dir="$candidate" rev-parse --verify -q "$commit^{commit}" >/dev/null 2>&1; then gitdir=$candidate; break; fi
  done
  if [ -z "$gitdir" ]; then
    echo "error: no git snapshot of $name holding commit $commit under $SNAPSHOTS" >&2
    exit 1
  fi
  rm -rf "$PEER_HOME/src/$name"
  mkdir -p "$PEER_HOME/src/$name"
  # a few large test fixtures may be absent from a snapshot; the package directory is all we need
  git --git-dir="$gitdir" archive "$commit" "$package" | tar x -C "$PEER_HOME/src/$name"
  ln -sfn "$PEER_HOME/src/$name/$package" "$PEER_HOME/pylib/$package"
done
cd "$PEER_HOME"
PYTHONPATH="$PEER_HOME/pylib" /usr/bin/python3 -c 'import ocdskit.combine, ocdsmerge; print("ocdskit peer ready in '"$PEER_HOME"'")'
