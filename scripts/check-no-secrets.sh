#!/usr/bin/env bash
# Fails if a secret appears in the given directory (the portal's database files and its server
# log after a test run): any app-password secret (Stalwart's `app_` + 36 characters, API.md §6),
# and each literal given after the directory (IdP client secrets, Stalwart API keys).
set -euo pipefail
dir=${1:?usage: check-no-secrets.sh DIR [LITERAL...]}
shift
pattern='app_[a-z792013]{36}'
found=0
for file in "$dir"/*; do
  [ -f "$file" ] || continue
  # -a: treat SQLite pages as text, so deleted-but-not-overwritten rows are searched too.
  if grep -aEq "$pattern" "$file"; then
    echo "app-password secret found in $file"
    found=1
  fi
  for literal in "$@"; do
    if grep -aFq -- "$literal" "$file"; then
      echo "secret ${literal:0:6}… found in $file"
      found=1
    fi
  done
done
count=$(ls "$dir" | wc -l)
[ "$found" = 0 ] && echo "checked $count files in $dir: no app-password secret, none of $# other secrets"
exit "$found"
