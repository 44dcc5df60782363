#!/bin/sh
# sh-etl: summarises click-stream events.
#   etl.sh [FILE|-]   JSON lines, plain or gzip-compressed; stdin when FILE is absent or '-'.
# Each event's "payload" is base64-encoded JSON ({sku, qty, cents}). Prints, deterministically:
#   events: N
#   by-kind: {"buy":N,…}
#   revenue-cents: N
#   packed: <base64 of the gzip (-n) of the compact summary JSON>
# Exit 2 on bad usage, 65 on input that is not valid events.
set -eu

src=${1:--}
if [ "$#" -gt 1 ]; then
    echo "usage: etl.sh [FILE|-]" >&2
    exit 2
fi

work=$(mktemp -d /tmp/sh-etl.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ "$src" = - ]; then
    cat > "$work/raw"
else
    cat -- "$src" > "$work/raw"
fi
# gzip input is recognised by content, not by name.
if gzip -t "$work/raw" 2>/dev/null; then
    gzip -dc "$work/raw" > "$work/events"
else
    mv "$work/raw" "$work/events"
fi

if ! jq -e -c 'select(.id and .kind and .payload)' "$work/events" > "$work/valid" 2>/dev/null
then
    echo "sh-etl: input is not JSON lines of events" >&2
    exit 65
fi

# Decode each payload with base64(1) and join it back to its event.
: > "$work/decoded"
jq -r '[.id, .kind, .payload] | @tsv' "$work/valid" | while IFS="$(printf '\t')" read -r id kind payload
do
    printf '%s' "$payload" | base64 -d \
        | jq -c --arg id "$id" --arg kind "$kind" '{id: $id, kind: $kind} + .' >> "$work/decoded"
done

jq -s -S -c '{
    events: length,
    byKind: (group_by(.kind) | map({key: .[0].kind, value: length}) | from_entries),
    revenueCents: (map(select(.kind == "buy") | .qty * .cents) | add // 0)
}' "$work/decoded" > "$work/summary"

jq -r '"events: \(.events)", "by-kind: \(.byKind | tojson)", "revenue-cents: \(.revenueCents)"' \
    "$work/summary"
printf 'packed: %s\n' "$(gzip -n -9 -c "$work/summary" | base64 -w0)"
