#!/usr/bin/env bash
# The consumer test: packs cse-mock, installs the tarball and its peers from the registry into
# a scratch project outside the checkout (no links back into it), and uses the package there
# the ways the README and docs say: plain Node ESM, node --test, vitest, the bin through npx,
# TypeScript under three configurations, a Vite production build; publint and attw on the
# tarball. Set KEEP_CONSUMER=1 to keep the scratch project for a look afterwards.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FILES="$ROOT/test/consumer"
MACHINE_PATH=$PATH
# The project's Node 24 (a devDependency) first: the machine's Node may be older than 22.12.
export PATH="$ROOT/node_modules/.bin:$PATH"

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/cse-mock-consumer.XXXXXX")
cleanup() {
  if [ "${KEEP_CONSUMER:-}" = 1 ]; then echo "consumer project kept in $SCRATCH"; else rm -rf "$SCRATCH"; fi
}
trap cleanup EXIT

failures=()
passed=0
check() {
  local name=$1
  shift
  printf '\n--> consumer: %s\n' "$name"
  if (cd "$SCRATCH/app" && "$@"); then
    printf 'PASS consumer: %s\n' "$name"
    passed=$((passed + 1))
  else
    printf 'FAIL consumer: %s\n' "$name" >&2
    failures+=("$name")
  fi
}
version_of() { node -p "require('$ROOT/node_modules/$1/package.json').version"; }

printf '\n--> consumer: npm pack (prepack builds dist/)\n'
(cd "$ROOT" && npm pack --pack-destination "$SCRATCH" --loglevel=warn >/dev/null)
TARBALL=$(ls "$SCRATCH"/cse-mock-*.tgz)
echo "tarball: $TARBALL ($(wc -c <"$TARBALL") bytes)"

printf '\n--> consumer: npm install the tarball and its peers in %s/app\n' "$SCRATCH"
mkdir "$SCRATCH/app"
cd "$SCRATCH/app"
printf '{ "name": "cse-mock-consumer", "private": true, "type": "module" }\n' >package.json
# The checkout's versions, so the npm cache (filled by npm ci) answers most of it.
npm install --no-audit --no-fund --prefer-offline --loglevel=warn "$TARBALL" \
  "msw@$(version_of msw)" "vitest@$(version_of vitest)" "vite@$(version_of vite)" \
  "typescript@$(version_of typescript)" "@types/node@$(version_of @types/node)"
if [ -L node_modules/cse-mock ] || grep -rqF "$ROOT" node_modules/cse-mock; then
  echo "FAIL: node_modules/cse-mock links or points into the checkout" >&2
  exit 1
fi
echo "installed cse-mock $(node -p "require('cse-mock/package.json').version") from the tarball, with node $(node --version)"
cp -r "$FILES"/. .

check "plain Node ESM: cse-mock/server started and stopped programmatically" node server.mjs
# Prints the output it searched, so the log shows what was checked.
output_has() {
  local pattern=$1 out status=0
  shift
  out=$("$@" 2>&1) || status=$?
  printf '%s\n' "$out"
  [ "$status" = 0 ] && grep -qE "$pattern" <<<"$out"
}
check "plain Node ESM: node -e import('cse-mock/server')" output_has "'startCseMockServer'" \
  node -e "import('cse-mock/server').then(m => console.log(Object.keys(m)))"
check "docs/entry-points.md lists exactly what the installed entry points export" \
  node entry-points.mjs "$ROOT/docs/entry-points.md"
check "node --test with cse-mock/node" node --test node-test.mjs
check "vitest: the README's two examples, copied verbatim" bash -c \
  "node extract-readme.mjs '$ROOT/README.md' readme && npx vitest run readme"
check "bin: npx cse-mock serve, curl register/discover, SIGTERM frees the port" node bin.mjs

init_check() {
  local out
  if out=$(npx cse-mock init missing-folder 2>&1); then echo "init into a missing folder succeeded" >&2; return 1; fi
  echo "$out" | grep -q "the folder 'missing-folder' does not exist" || { echo "$out" >&2; return 1; }
  mkdir -p public && npx cse-mock init public
  cmp public/mockServiceWorker.js node_modules/msw/lib/mockServiceWorker.js
}
check "bin: npx cse-mock init copies msw's worker, refuses a missing folder" init_check

# The oldest Node msw 3 supports, from the registry's node package, beside the project.
oldest_node_check() {
  local dir="$SCRATCH/node-22.12"
  mkdir "$dir"
  (cd "$dir" && printf '{ "private": true }\n' >package.json &&
    npm install --no-audit --no-fund --prefer-offline --loglevel=warn node@22.12.0 >/dev/null)
  local node22="$dir/node_modules/.bin/node"
  echo "running with node $("$node22" --version)"
  "$node22" server.mjs && "$node22" --test node-test.mjs && "$node22" node_modules/.bin/cse-mock --version
}
check "Node 22.12.0, the oldest msw 3 supports: cse-mock/server, node --test, the bin" oldest_node_check

old_node_check() {
  local machine_node version out
  machine_node=$(PATH=$MACHINE_PATH command -v node || true)
  version=$([ -n "$machine_node" ] && "$machine_node" -p 'process.versions.node' || echo none)
  if [ -z "$machine_node" ] || node -e "const [a,b]='$version'.split('.').map(Number); process.exit(a<22||(a===22&&b<12)?1:0)"; then
    echo "SKIPPED: the machine's Node ($version) is not older than 22.12, nothing to check" >&2
    return 0
  fi
  if out=$("$machine_node" node_modules/.bin/cse-mock serve 2>&1); then echo "the bin ran on Node $version" >&2; return 1; fi
  echo "Node $version: $out"
  [ "$(echo "$out" | wc -l)" = 1 ] && echo "$out" | grep -q "needs Node 22.12 or newer"
}
check "bin on the machine's older Node: one line naming the version needed, exit 1" old_node_check

for config in nodenext bundler loose; do
  check "tsc --noEmit, every entry point, types/tsconfig.$config.json" npx tsc -p "types/tsconfig.$config.json"
done
# tsconfig.loose.json skips library checks, as a project with strict: false must: msw's own
# declarations do not compile without strict. Ours must, so check them with that one excepted.
loose_own_check() {
  local out
  out=$(npx tsc -p types/tsconfig.loose.json --skipLibCheck false 2>&1) && return 0
  printf '%s\n' "$out"
  if grep -E 'error TS' <<<"$out" | grep -vq '^node_modules/msw/'; then return 1; fi
  echo "(only msw's own declarations fail with strict: false; cse-mock's and the consumer's pass)"
}
check "tsc --noEmit, strict: false, with library checks: no error in cse-mock's declarations" loose_own_check

MARKERS='setupCseMockWorker|/__cse-mock|cse-mock/snapshot@1|mockServiceWorker\.js'
js_bytes() { find "$1" -name '*.js' -exec cat {} + | wc -c; }
vite_check() {
  cd vite-app
  npx vite build --logLevel warn
  if grep -rlE "$MARKERS" dist --include='*.js' --include='*.html'; then
    echo "the production bundle above carries the mock" >&2
    return 1
  fi
  echo "production build: $(js_bytes dist) bytes of JavaScript, none of the mock"
  # The same page built for development must carry it, or the grep above proves nothing.
  NODE_ENV=development npx vite build --mode development --outDir dist-dev --logLevel error
  grep -rlE "$MARKERS" dist-dev --include='*.js'
  echo "development build: $(js_bytes dist-dev) bytes of JavaScript, the mock included"
}
check "vite build: the production bundle of docs/browser.md's pattern carries none of the mock" vite_check

check "publint on the tarball" output_has 'All good!' env NO_COLOR=1 "$ROOT/node_modules/.bin/publint" --strict "$TARBALL"
# The specs and the gzipped fixture are data files, not modules: attw checks the modules.
# attw exits 1 on any problem the profile does not ignore.
check "attw --profile esm-only on the tarball" output_has '"cse-mock/contract" .* OK \(ESM\)' \
  "$ROOT/node_modules/.bin/attw" "$TARBALL" --profile esm-only --no-emoji --no-color --format table-flipped \
  --exclude-entrypoints ./spec/cse-registry.yaml ./spec/cse-mock-control.yaml ./fixtures/large.json.gz

echo
echo "consumer: $passed passed, ${#failures[@]} failed"
if [ ${#failures[@]} -gt 0 ]; then
  printf 'consumer test: %d check(s) FAILED:\n' "${#failures[@]}" >&2
  printf '  - %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "consumer test: every check passed"
