# sh-etl: a #!/bin/sh entrypoint on bookworm minbase using jq, gzip and base64 (coreutils).
packages=(jq)
# The same events gzip-compressed (no name or time in the header: reproducible).
customize=('gzip -n -9 -c "$1/app/data/events.jsonl" > "$1/app/data/events.jsonl.gz"')
changes=(
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  'WORKDIR /app'
  'ENTRYPOINT ["/app/etl.sh"]'
  'CMD ["/app/data/events.jsonl"]'
)
