#!/usr/bin/env bash
# Builds the fixture function images tracer-fixtures/<name>:latest from Debian packages
# ($TRACER_FIXTURE_REPO replaces tracer-fixtures).
#
#   tests/functions/build-images.sh [name…]     (default: every folder with a recipe.sh)
#
# Each image is `mmdebstrap --variant=minbase bookworm` plus the runtime's packages (what the
# official -slim images are), the function's files synced into /app, piped into
# `docker import` with the image config. A sha256 over the recipe (the fixture folder's files
# and this script) is stored as label io.tracer.recipe-hash; an image whose label matches is
# reused. Downloaded .debs are kept in $TRACER_FIXTURE_CACHE/apt (default ~/.cache/tracer-fixtures).
#
# A fixture folder holds recipe.sh, sourced here, which sets:
#   packages=(…)   Debian packages on top of minbase
#   changes=(…)    `docker import --change` lines (ENTRYPOINT, CMD, ENV, WORKDIR, USER, …)
#   app_user=NAME  optional: create NAME with uid/gid 1000 and its own group
#   app_dirs=(…)   optional: directories created in the image and owned by app_user
#   customize=(…)  optional: more mmdebstrap customize hooks ("$1" is the root)
#   stage()        optional: fills "$1" on the host with what goes into /app
#                  (default: copies the fixture's app/ folder)
# Output: one line per image on stdout: `<tag> built|cached <seconds>s`.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# Another repository name builds a second set without touching the images tests use.
repo=${TRACER_FIXTURE_REPO:-tracer-fixtures}
cache=${TRACER_FIXTURE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/tracer-fixtures}
suite=bookworm
mirrors=(
  "deb http://deb.debian.org/debian $suite main"
  "deb http://deb.debian.org/debian $suite-updates main"
  "deb http://deb.debian.org/debian-security $suite-security main"
)

die() { echo "build-images: $*" >&2; exit 1; }

for tool in mmdebstrap docker sha256sum flock; do
  command -v "$tool" >/dev/null || die "'$tool' not found; run ./build.sh to install it"
done

# The recipe: every file of the fixture folder (not build output) and this script.
recipe_hash() {
  local dir=$1
  {
    (cd "$dir" && find . -type f \
        -not -path '*/node_modules/*' -not -path '*/bin/*' -not -path '*/obj/*' -print0 \
      | LC_ALL=C sort -z | xargs -0 sha256sum)
    sha256sum < "$here/build-images.sh"
  } | sha256sum | cut -d' ' -f1
}

default_stage() { cp -a "$fixture/app/." "$1/"; }

build_one() {
  local name=$1 fixture=$here/$1 tag=$repo/$1:latest start hash have
  [[ -f $fixture/recipe.sh ]] || die "no recipe: '$fixture/recipe.sh'"
  start=$SECONDS
  hash=$(recipe_hash "$fixture")
  have=$(docker image inspect -f '{{index .Config.Labels "io.tracer.recipe-hash"}}' "$tag" \
    2>/dev/null || true)
  if [[ $have == "$hash" ]]; then
    echo "$tag cached $((SECONDS - start))s"
    return
  fi

  local packages=() changes=() app_user='' app_dirs=() customize=()
  unset -f stage
  # shellcheck source=/dev/null
  source "$fixture/recipe.sh"
  declare -F stage >/dev/null || stage() { default_stage "$@"; }

  local work
  work=$(mktemp -d "${TMPDIR:-/tmp}/tracer-fixture-$name.XXXXXX")
  scratch+=("$work")
  mkdir -p "$work/app" "$cache/apt"
  stage "$work/app" >&2

  local c hooks=(
    --skip=essential/unlink
    --setup-hook="mkdir -p \"\$1/var/cache/apt/archives\""
    --setup-hook="sync-in '$cache/apt' /var/cache/apt/archives/"
    --customize-hook="sync-out /var/cache/apt/archives '$cache/apt'"
    --customize-hook='mkdir -p "$1/app"'
    --customize-hook="sync-in '$work/app' /app"
  )
  if [[ -n $app_user ]]; then
    hooks+=(--customize-hook="chroot \"\$1\" groupadd --gid 1000 $app_user"
      --customize-hook="chroot \"\$1\" useradd --uid 1000 --gid 1000 --no-create-home \
--home-dir /app --shell /usr/sbin/nologin $app_user")
    local d
    for d in "${app_dirs[@]}"; do
      hooks+=(--customize-hook="mkdir -p \"\$1$d\" && chroot \"\$1\" chown $app_user:$app_user $d")
    done
  fi

  for c in "${customize[@]}"; do hooks+=(--customize-hook="$c"); done

  local include
  include=$(IFS=,; echo "${packages[*]}")
  local import_args=()
  for c in "${changes[@]}"; do import_args+=(--change "$c"); done
  import_args+=(--change "LABEL io.tracer.recipe-hash=$hash io.tracer.fixture=$name")

  # Imported untagged and tagged only when mmdebstrap succeeded, so a failed build never
  # leaves a half image under the fixture's name.
  local id
  if ! id=$(mmdebstrap --quiet --variant=minbase --format=tar ${include:+--include="$include"} \
      "${hooks[@]}" "$suite" - "${mirrors[@]}" | docker import "${import_args[@]}" -); then
    [[ -n ${id:-} ]] && docker rmi "$id" >/dev/null 2>&1
    die "building '$tag' failed"
  fi
  local old
  old=$(docker image inspect -f '{{.Id}}' "$tag" 2>/dev/null || true)
  docker tag "$id" "$tag"
  # The previous build is left dangling; drop it unless a container still uses it.
  [[ -n $old && $old != "$id" ]] && { docker rmi "$old" >/dev/null 2>&1 || true; }
  echo "$tag built $((SECONDS - start))s"
}

scratch=()
cleanup() { [[ ${#scratch[@]} -eq 0 ]] || rm -rf "${scratch[@]}"; }
trap cleanup EXIT

# One build at a time on this machine: test runs of several checkouts may call this script at
# once, and they share the apt cache and the image tags.
mkdir -p "$cache"
exec {lock}>"$cache/build.lock"
flock "$lock"

names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  for r in "$here"/*/recipe.sh; do names+=("$(basename "$(dirname "$r")")"); done
fi
for n in "${names[@]}"; do build_one "$n"; done
