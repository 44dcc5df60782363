# node-thumb: Debian bookworm's nodejs (18.x) on minbase, like node:18-bookworm-slim, with
# express and sharp 0.33 (its prebuilt libvips comes from npm, not from Debian).
packages=(nodejs)
app_user=node
stage() {
  if ! command -v npm >/dev/null; then
    # A fresh Debian machine has no npm; Debian's own is enough for `npm ci`.
    [[ $(id -u) -eq 0 ]] || die "node-thumb needs npm: apt-get install npm"
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends npm
  fi
  cp -a "$fixture/app/." "$1/"
  # npm on the host resolves the linux-x64 glibc builds of sharp's optional packages; sharp's
  # install script only checks for them, so it is skipped.
  (cd "$1" && npm ci --omit=dev --os=linux --cpu=x64 --libc=glibc --ignore-scripts \
    --no-audit --no-fund --loglevel=error)
}
changes=(
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  'ENV NODE_ENV=production'
  'ENV PORT=8080'
  'WORKDIR /app'
  'USER node'
  'EXPOSE 8080'
  'LABEL org.opencontainers.image.title=node-thumb'
  'HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "/app/healthcheck.js"]'
  'ENTRYPOINT ["node"]'
  'CMD ["/app/server.js"]'
)
