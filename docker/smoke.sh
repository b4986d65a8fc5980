#!/usr/bin/env bash
# `make docker-smoke`: build the images, start the compose stack (two web
# replicas and two workers behind nginx, db, redis, the stand-in bucket and a
# fake TMDB), check that the site works through nginx, that the replicas
# agree with each other (imports, ratings, sessions, rate limits, a worker
# killed mid-job), and tear it all down again, also when a check fails. Uses
# Docker when a Docker engine answers, else podman (with podman-compose, or
# `podman compose`).
#
# Each replica is also reached directly, at its container's address on the
# compose network (curl --connect-to: same URL, same cookies), and names
# itself in the X-Served-By header, which the checks compare.
#
# Environment: SMOKE_TIMEOUT (seconds to wait for the site, default 600),
# SMOKE_IMAGE (tag to build, default filmtracker:smoke), SMOKE_KEEP_IMAGE=1 to
# keep the built images afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE_TIMEOUT=${SMOKE_TIMEOUT:-600}
IMAGE=${SMOKE_IMAGE:-filmtracker:smoke}
S3_IMAGE=${IMAGE%%:*}-s3:${IMAGE##*:}
PROJECT="ftsmoke$$"
started=$(date +%s)
checks=()

say() { printf 'docker-smoke: %s\n' "$*"; }
fail() { say "FAIL: $*"; exit 1; }
pass() { checks+=("$*"); say "ok: $*"; }

# --- engine -----------------------------------------------------------------
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    engine=docker
    build=(docker build)
    if docker compose version >/dev/null 2>&1; then compose=(docker compose)
    else compose=(docker-compose); fi
elif command -v podman >/dev/null 2>&1; then
    engine=podman
    # The docker image format keeps HEALTHCHECK (OCI drops it). No per-step
    # layers: with the vfs storage driver each one is a full copy of the image
    # (here ~20 minutes with layers, ~3 without).
    build=(podman build --format docker --layers=false)
    if command -v podman-compose >/dev/null 2>&1; then compose=(podman-compose)
    else compose=(podman compose); fi
else
    fail "neither a Docker engine nor podman is available"
fi
compose+=(-p "$PROJECT" -f docker-compose.yml -f docker-compose.override.yml -f docker/compose.smoke.yml)
say "engine: $engine, compose: ${compose[*]}"

# --- the stack's settings: nothing from a developer's .env leaks in ----------
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export FILMTRACKER_IMAGE="$IMAGE" FILMTRACKER_S3_IMAGE="$S3_IMAGE" HTTP_BIND=127.0.0.1 HTTP_PORT="$port"
export WEB_REPLICAS=2 WORKER_REPLICAS=2 SERVED_BY_HEADER=true
# The stand-in bucket (the s3 service) under its default settings.
unset MEDIA_BUCKET MEDIA_BUCKET_ENDPOINT_URL MEDIA_BUCKET_REGION MEDIA_URL \
    MEDIA_BUCKET_ACCESS_KEY_ID MEDIA_BUCKET_SECRET_ACCESS_KEY
# Imports from the fake TMDB service; a lost worker's job is queued again fast.
export TMDB_BASE_URL=http://tmdb:8765/3 TMDB_IMAGE_BASE_URL=http://tmdb:8765/t/p/
export JOBS_HEARTBEAT_SECONDS=2 JOBS_WORKER_LOST_AFTER=10
# Long enough to wait out the late poster, so the worker is still inside the job.
export TMDB_TIMEOUT=400
# The poster of the film whose import job a worker is killed in (check 5).
SLOW_FILM=949
export SMOKE_SLOW_POSTER=/t/p/w780/fakeHeat949.jpg
export SECRET_KEY="" ALLOWED_HOSTS="localhost,127.0.0.1" CSRF_TRUSTED_ORIGINS=""
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$port" SEED_DEMO=true
export ADMIN_USERNAME=admin ADMIN_EMAIL=admin@localhost.invalid
export ADMIN_PASSWORD="smoke-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
export TMDB_API_TOKEN="fake-tmdb-read-access-token" TMDB_API_KEY="" EMAIL_URL="consolemail://" LOG_LEVEL=INFO
export POSTGRES_USER=filmtracker POSTGRES_DB=filmtracker
export POSTGRES_PASSWORD="pg-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
base="http://127.0.0.1:$port"
tmp=$(mktemp -d)

containers() {  # the names of a service's containers, in order
    "$engine" ps -a --format '{{.Names}}' --filter "label=com.docker.compose.project=$PROJECT" \
        --filter "label=com.docker.compose.service=$1" | sort || true
}
container() {  # one service's (first) container
    containers "$1" | head -n1
}

teardown() {
    local rc=$?
    if ((rc != 0)); then
        say "logs of the failed run:"
        "${compose[@]}" logs --tail 80 >"$tmp/logs.txt" 2>&1 || true
        tail -n 160 "$tmp/logs.txt" || true
    fi
    say "tearing down"
    "${compose[@]}" down -v >/dev/null 2>&1 || true
    if [[ ${SMOKE_KEEP_IMAGE:-0} != 1 ]]; then
        "$engine" rmi "$IMAGE" "$S3_IMAGE" >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
    exit "$rc"
}
trap teardown EXIT
trap 'exit 130' INT TERM

# --- build --------------------------------------------------------------------
t0=$(date +%s)
if [[ ${SMOKE_BUILD:-1} == 0 ]] && "$engine" image inspect "$IMAGE" "$S3_IMAGE" >/dev/null 2>&1; then
    say "SMOKE_BUILD=0: using the images built before"
else
    "${build[@]}" -t "$IMAGE" . >"$tmp/build.log" 2>&1 \
        || { tail -n 60 "$tmp/build.log"; fail "image build"; }
    size=$("$engine" image inspect --format '{{.Size}}' "$IMAGE")
    pass "image $IMAGE built in $(($(date +%s) - t0))s, $((size / 1024 / 1024)) MB"

    t0=$(date +%s)
    "${build[@]}" -f docker/s3/Dockerfile -t "$S3_IMAGE" . >"$tmp/build-s3.log" 2>&1 \
        || { tail -n 60 "$tmp/build-s3.log"; fail "stand-in bucket image build"; }
    pass "stand-in bucket image $S3_IMAGE built in $(($(date +%s) - t0))s"
fi

user=$("$engine" image inspect --format '{{.Config.User}}' "$IMAGE")
[[ -n $user && ${user%%:*} != root && ${user%%:*} != 0 ]] || fail "image user is '$user'"
pass "image runs as user '$user'"

# No compiler and no build leftovers (wheels, pip cache) in the runtime image;
# one container for all three questions, as each start copies the image (vfs).
found=$("$engine" run --rm --user 0 --entrypoint sh "$IMAGE" -c '
    for c in gcc cc g++ clang; do command -v "$c" && echo "compiler: $c"; done
    find /app /opt/venv /tmp /root -name "*.whl" -o -path "*/.cache/pip" 2>/dev/null | head -n 5
    echo checked' 2>/dev/null) || fail "could not look inside the image: $found"
[[ $found == checked ]] || fail "the runtime image holds build tools or leftovers: ${found%checked}"
pass "runtime image has no gcc/cc and no wheels or pip cache"

# --- up -------------------------------------------------------------------------
t0=$(date +%s)
"${compose[@]}" up -d >"$tmp/up.log" 2>&1 || { tail -n 40 "$tmp/up.log"; fail "compose up"; }
say "stack up on $base, waiting for the site (at most ${SMOKE_TIMEOUT}s)"
deadline=$((t0 + SMOKE_TIMEOUT))
until curl -fsS -o /dev/null --max-time 5 "$base/healthz" 2>/dev/null; do
    for web in $(containers web); do
        if [[ $("$engine" inspect --format '{{.State.Status}}' "$web") == exited ]]; then
            fail "the web container $web exited"
        fi
    done
    (($(date +%s) < deadline)) || fail "the site did not answer within ${SMOKE_TIMEOUT}s"
    sleep 2
done
pass "site answered through nginx after $(($(date +%s) - t0))s (migrate + demo seed)"

# --- checks -----------------------------------------------------------------
fetch() {  # fetch NAME URL [curl args...]: body to $tmp/NAME.html, headers to $tmp/NAME.h
    local name=$1 url=$2; shift 2
    curl -sS --max-time 30 -D "$tmp/$name.h" -o "$tmp/$name.html" \
        -w '%{http_code} %{url_effective}' "$@" "$url"
}
expect_status() {  # expect_status WANT GOT URL
    [[ ${2%% *} == "$1" ]] || fail "$3 answered ${2%% *}, expected $1"
}
has_header() {  # has_header NAME REGEX
    grep -qiE "^$2" "$tmp/$1.h" || fail "response to $1 lacks header /$2/"
}

got=$(fetch home "$base/")
expect_status 200 "$got" /
grep -q "Featured films" "$tmp/home.html" || fail "home page without the demo's featured films"
has_header home "content-security-policy: .*default-src 'self'"
has_header home "content-security-policy: .*script-src 'self'"
grep -iE "^content-security-policy:.*script-src[^;]*unsafe-inline" "$tmp/home.h" \
    && fail "public CSP allows inline scripts"
has_header home "x-frame-options: DENY"
has_header home "referrer-policy: same-origin"
has_header home "cross-origin-opener-policy: same-origin"
has_header home "x-content-type-options: nosniff"
has_header home "x-request-id: [0-9a-f]{8,}"
pass "home page 200 with the demo catalogue and security headers (CSP, XFO, COOP, Referrer-Policy, nosniff, X-Request-ID)"

# `|| true` on these pipelines: head closing early makes grep die of SIGPIPE (141).
css=$(grep -oE '/static/[^"]+\.css' "$tmp/home.html" | head -n1 || true)
[[ $css =~ \.[0-9a-f]{12}\.css$ ]] || fail "stylesheet '$css' is not a hashed (manifest) static file"
got=$(fetch css "$base$css" --compressed)
expect_status 200 "$got" "$css"
has_header css "cache-control: max-age=[0-9]{6,}"
pass "hashed static file $css served by whitenoise with a long cache lifetime"

got=$(fetch film "$base/films/the-matrix-1999/")
expect_status 200 "$got" /films/the-matrix-1999/
grep -q "The Matrix" "$tmp/film.html" || fail "film page lacks its title"
pass "film page /films/the-matrix-1999/ 200"

media=$(grep -oE '/media/[^" ]+\.(jpg|jpeg|png|webp|avif)' "$tmp/film.html" "$tmp/home.html" | head -n1 | cut -d: -f2- || true)
if [[ -n $media ]]; then
    got=$(fetch media "$base$media")
    expect_status 200 "$got" "$media"
    has_header media "content-type: image/"
    pass "poster $media served by nginx from the bucket"
else
    fail "no /media/ image on the film page or the home page"
fi

got=$(fetch admin "$base/admin/" -L)
expect_status 200 "$got" /admin/
[[ $got == *"/accounts/login/"* ]] || fail "/admin/ did not lead to the allauth login (${got#* })"
grep -q 'name="password"' "$tmp/admin.html" || fail "admin login page without a password field"
pass "/admin/ leads to the rate-limited login page (${got#* })"

# Sign in as the admin through allauth (CSRF, plain-http cookies, rate-limit
# counters in Redis) and open the Wagtail dashboard.
jar="$tmp/cookies"
got=$(fetch login "$base/accounts/login/?next=/admin/" -c "$jar")
expect_status 200 "$got" /accounts/login/
token=$(grep -oE 'name="csrfmiddlewaretoken" value="[^"]+"' "$tmp/login.html" | head -n1 | cut -d'"' -f4 || true)
[[ -n $token ]] || fail "login page without a CSRF token"
got=$(fetch signin "$base/accounts/login/?next=/admin/" -b "$jar" -c "$jar" \
    -H "Referer: $base/accounts/login/" --data-urlencode "login=$ADMIN_USERNAME" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "csrfmiddlewaretoken=$token")
expect_status 302 "$got" "POST /accounts/login/"
has_header signin "location: /admin/"
got=$(fetch dashboard "$base/admin/" -b "$jar")
expect_status 200 "$got" "/admin/ (signed in)"
grep -qiE "^content-security-policy:.*script-src[^;]*unsafe-inline" "$tmp/dashboard.h" \
    || fail "the Wagtail admin lacks its own (looser) CSP"
pass "admin signs in through allauth over http and gets the Wagtail dashboard, with the admin CSP"
keys=$("$engine" exec "$(container redis)" redis-cli dbsize | tr -dc 0-9)
((${keys:-0} > 0)) || fail "Redis is empty: the site does not use it as its cache"
pass "Redis holds $keys keys (cache, rate-limit counters)"

# The demo seed queued search-index jobs: the worker service must run them.
jobs_done() {
    "$engine" exec "$(container web)" python manage.py shell -c \
        "from django_tasks_db.models import DBTaskResult; print(DBTaskResult.objects.successful().count())" \
        2>/dev/null | tail -n1 | tr -dc 0-9 || true
}
deadline=$(($(date +%s) + 180))
done_jobs=$(jobs_done)
until ((${done_jobs:-0} > 0)); do
    if (($(date +%s) >= deadline)); then
        "$engine" logs --tail 40 "$(container worker)" 2>&1 || true
        # The count itself may be what fails (it runs without the entrypoint).
        "$engine" exec "$(container web)" python manage.py shell -c \
            "from django_tasks_db.models import DBTaskResult; print(DBTaskResult.objects.values_list('status'))" \
            2>&1 | tail -n 5 || true
        fail "the worker ran no background job within 180s (its log above)"
    fi
    sleep 3
    done_jobs=$(jobs_done)
done
pass "the worker service ran $done_jobs background jobs (search index updates of the demo seed)"

got=$(fetch wagtaillogin "$base/admin/login/")
has_header wagtaillogin "location: /accounts/login/"
pass "Wagtail's own /admin/login/ redirects to the allauth login"

got=$(fetch schema "$base/api/schema/" -H "Accept: application/vnd.oai.openapi+json")
expect_status 200 "$got" /api/schema/
grep -q '"openapi"' "$tmp/schema.html" || fail "/api/schema/ is not an OpenAPI document"
pass "/api/schema/ 200 (OpenAPI)"

got=$(fetch spoof "$base/" -H "X-Forwarded-Proto: https")
expect_status 200 "$got" "/ (client claiming https)"
grep -qi "^strict-transport-security" "$tmp/spoof.h" && fail "nginx let a client's X-Forwarded-Proto through"
pass "nginx overwrites a client's X-Forwarded-Proto (no HSTS over plain http)"

web=$(container web)
uid=$("$engine" exec "$web" id -u)
[[ $uid != 0 ]] || fail "the web container runs as root"
pass "web container runs as uid $uid"

"${compose[@]}" logs web >"$tmp/web.log" 2>&1 || true
grep -q '"logger": "filmtracker.request".*"request_id": "[0-9a-f]\{8,\}"' "$tmp/web.log" \
    || fail "no JSON request log line with a request id in the web container's output"
pass "web logs JSON lines with request ids"

source docker/smoke_replicas.sh

say "all ${#checks[@]} checks passed in $(($(date +%s) - started))s"
