#!/usr/bin/env bash
# Fails if an app-password secret (Stalwart's `app_` + 36 characters, API.md §6) appears in
# the given directory: the portal's database files and its server log after a test run.
set -euo pipefail
dir=${1:?usage: check-no-secrets.sh DIR}
pattern='app_[a-z792013]{36}'
found=0
for file in "$dir"/*; do
  [ -f "$file" ] || continue
  # -a: treat SQLite pages as text, so deleted-but-not-overwritten rows are searched too.
  if grep -aEq "$pattern" "$file"; then
    echo "secret found in $file"
    found=1
  fi
done
count=$(ls "$dir" | wc -l)
[ "$found" = 0 ] && echo "checked $count files in $dir: no app-password secret"
exit "$found"
