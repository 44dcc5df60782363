#!/bin/sh
# sh-etl's own tests: the same result from a file, gzip input and stdin; bad input rejected;
# the packed summary decodes back. Ends with `sh-etl tests: N passed, N failed`.
set -u
here=$(dirname "$0")
etl=${ETL:-/app/etl.sh}
data=${DATA:-/app/data/events.jsonl}
expected="$here/expected.txt"
pass=0
fail=0
tmp=$(mktemp -d /tmp/sh-etl-test.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

check() {
    if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "ok - $1"
    else fail=$((fail + 1)); echo "not ok - $1"; fi
}

"$etl" "$data" > "$tmp/file.out"
cmp -s "$tmp/file.out" "$expected"; check "file input gives the expected summary" $?

gzip -n -c "$data" > "$tmp/events.jsonl.gz"
"$etl" "$tmp/events.jsonl.gz" > "$tmp/gz.out"
cmp -s "$tmp/gz.out" "$expected"; check "gzip input is recognised by content" $?

"$etl" < "$data" > "$tmp/stdin.out"
cmp -s "$tmp/stdin.out" "$expected"; check "stdin input" $?

sed -n 's/^packed: //p' "$tmp/file.out" | base64 -d | gzip -dc > "$tmp/summary.json"
[ "$(jq -r '.events' "$tmp/summary.json")" = 12 ]; check "packed summary decodes back" $?

echo '{"nope":true}' | "$etl" > /dev/null 2>&1
[ $? -eq 65 ]; check "events without id/kind/payload exit 65" $?

"$etl" a b > /dev/null 2>&1
[ $? -eq 2 ]; check "two arguments is a usage error" $?

echo "sh-etl tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
