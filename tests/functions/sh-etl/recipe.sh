# sh-etl: a #!/bin/sh entrypoint on bookworm minbase using jq, gzip and base64 (coreutils).
packages=(jq)
changes=(
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  'WORKDIR /app'
  'ENTRYPOINT ["/app/etl.sh"]'
  'CMD ["/app/data/events.jsonl"]'
)
