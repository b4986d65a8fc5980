# Sourced by docker/smoke.sh once the stack is up: the checks that two web
# replicas (A, B) and two workers agree, each naming the replica that
# answered (X-Served-By). Uses smoke.sh's helpers and variables.

# --- the replicas ---------------------------------------------------------------
mapfile -t webs < <(containers web)
mapfile -t workers < <(containers worker)
((${#webs[@]} == 2)) || fail "expected 2 web replicas, found ${#webs[@]}: ${webs[*]}"
((${#workers[@]} == 2)) || fail "expected 2 workers, found ${#workers[@]}: ${workers[*]}"
address() { "$engine" inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$1"; }
hostname_of() { "$engine" inspect --format '{{.Config.Hostname}}' "$1"; }
ip_a=$(address "${webs[0]}") ip_b=$(address "${webs[1]}")
host_a=$(hostname_of "${webs[0]}") host_b=$(hostname_of "${webs[1]}")
[[ -n $ip_a && -n $ip_b && $host_a != "$host_b" ]] || fail "replica addresses: '$ip_a' '$ip_b'"

# on A|B NAME PATH [curl args...]: like fetch, but straight to that replica (the
# same URL and so the same cookies as through nginx; X-Forwarded-For as nginx
# would set it, one client address for every request).
on() {
    local ip=$ip_a; [[ $1 == B ]] && ip=$ip_b
    fetch "$2" "$base$3" --connect-to "127.0.0.1:$port:$ip:8000" \
        -H "X-Forwarded-For: 203.0.113.7" "${@:4}"
}
# served_by NAME A|B: the response NAME came from that replica, by its header.
served_by() {
    local want=$host_a; [[ $2 == B ]] && want=$host_b
    local got
    got=$(grep -i '^x-served-by:' "$tmp/$1.h" | head -n1 | cut -d: -f2- | tr -d ' \r' || true)
    [[ $got == "$want" ]] || fail "$1 was answered by '$got', not replica $2 ($want)"
}
csrf_from_jar() { awk '$6 == "csrftoken" { print $7 }' "$1" | tail -n1; }

deadline=$(($(date +%s) + SMOKE_TIMEOUT))
for r in A B; do
    until [[ $(on "$r" "ready$r" /readyz) == 200* ]]; do
        (($(date +%s) < deadline)) || fail "replica $r never became ready (/readyz)"
        sleep 2
    done
    served_by "ready$r" "$r"
done
pass "both web replicas ready: A=$host_a ($ip_a), B=$host_b ($ip_b); workers ${workers[*]}"

# nginx sends requests to both replicas (it looks them up by name).
declare -A seen=()
for _ in $(seq 12); do
    fetch spread "$base/healthz" >/dev/null
    seen[$(grep -i '^x-served-by:' "$tmp/spread.h" | cut -d: -f2- | tr -d ' \r')]=1
done
[[ -n ${seen[$host_a]:-} && -n ${seen[$host_b]:-} ]] \
    || fail "nginx sent 12 requests to ${!seen[*]} only, not to both replicas"
pass "nginx spreads requests over both replicas (${!seen[*]})"

# --- (3) a session made on A is valid on B -----------------------------------
jar="$tmp/admin-cookies"
got=$(on A login3 "/accounts/login/" -c "$jar")
expect_status 200 "$got" "A: /accounts/login/"
token=$(csrf_from_jar "$jar")
got=$(on A signin3 "/accounts/login/?next=/admin/" -b "$jar" -c "$jar" \
    --data-urlencode "login=$ADMIN_USERNAME" --data-urlencode "password=$ADMIN_PASSWORD" \
    --data-urlencode "csrfmiddlewaretoken=$token")
expect_status 302 "$got" "A: POST /accounts/login/"
served_by signin3 A
got=$(on B dashboard3 "/admin/" -b "$jar" -c "$jar")
expect_status 200 "$got" "B: /admin/ with A's session"
served_by dashboard3 B
grep -q 'wagtail' "$tmp/dashboard3.html" || fail "B did not show the Wagtail dashboard"
pass "(3) signed in on A ($host_a); B ($host_b) knows the session: /admin/ 200"

# --- (1) a film imported through A shows its poster when B serves its page -----
token=$(csrf_from_jar "$jar")
got=$(on A import1 "/films/tmdb/import/" -b "$jar" -c "$jar" \
    --data-urlencode "tmdb_id=1124" --data-urlencode "csrfmiddlewaretoken=$token")
expect_status 302 "$got" "A: POST /films/tmdb/import/"
served_by import1 A
film=$(grep -i '^location:' "$tmp/import1.h" | cut -d' ' -f2 | tr -d '\r')
[[ $film == /films/the-prestige-* ]] || fail "the import led to '$film', not The Prestige's page"
got=$(on B film1 "$film")
expect_status 200 "$got" "B: $film"
served_by film1 B
poster=$(grep -oE '/media/images/[^" ]+\.(jpg|webp|avif)' "$tmp/film1.html" | head -n1 || true)
[[ -n $poster ]] || fail "B's page of the imported film shows no poster"
got=$(fetch poster1 "$base$poster")
expect_status 200 "$got" "$poster"
has_header poster1 "content-type: image/"
pass "(1) The Prestige imported through A ($host_a); B ($host_b) serves $film with its poster, $poster, from the bucket"

# --- (2) a rating posted through A changes B's page at once ---------------------
grep -q 'data-testid="site-average">No ratings yet' "$tmp/film1.html" \
    || fail "B's page of the new film already shows a site average"
token=$(csrf_from_jar "$jar")
got=$(on A rate2 "${film}rating/" -b "$jar" -c "$jar" --data-urlencode "rating=4.5" \
    --data-urlencode "status=watched" --data-urlencode "csrfmiddlewaretoken=$token")
expect_status 302 "$got" "A: POST ${film}rating/"
served_by rate2 A
got=$(on B film2 "$film")
expect_status 200 "$got" "B: $film after the rating"
served_by film2 B
grep -qE 'data-testid="site-average">4\.5<' "$tmp/film2.html" \
    || fail "B's page of $film does not show the new average 4.5 (a stale cached page?)"
grep -qE 'data-testid="rating-count">1 rating<' "$tmp/film2.html" \
    || fail "B's page of $film does not count the new rating"
pass "(2) a 4.5-star rating posted through A ($host_a); B ($host_b) shows average 4.5 from 1 rating at once"

# --- (4) failed logins on A and B count against one limit ----------------------
# allauth allows 5 failed attempts per account in 5 minutes, counted in Redis.
jar4="$tmp/guess-cookies"
got=$(on A login4 "/accounts/login/" -c "$jar4")
token=$(csrf_from_jar "$jar4")
attempt() {  # attempt A|B N PASSWORD
    on "$1" "guess$2" "/accounts/login/" -b "$jar4" -c "$jar4" --data-urlencode "login=anna" \
        --data-urlencode "password=$3" --data-urlencode "csrfmiddlewaretoken=$token"
}
for n in 1 2 3 4 5; do
    r=A; ((n % 2 == 0)) && r=B
    got=$(attempt "$r" "$n" "wrong-password-$n")
    expect_status 200 "$got" "$r: failed login $n"
    served_by "guess$n" "$r"
    grep -q "Too many failed login attempts" "$tmp/guess$n.html" \
        && fail "failed login $n (on $r) was already refused as too many"
done
got=$(attempt B 6 filmtracker-demo)
expect_status 200 "$got" "B: login 6 with the right password"
served_by guess6 B
grep -q "Too many failed login attempts" "$tmp/guess6.html" \
    || fail "B let a 6th login in after 5 failures on A and B"
pass "(4) 5 failed logins as anna (3 on A, 2 on B); B then refuses even the right password: one limit"

# --- (5) a worker killed mid-import: no duplicates, the other worker finishes ---
django_shell() {  # django_shell CODE: run in web A, print its last line
    "$engine" exec "${webs[0]}" python manage.py shell -c "$1" 2>/dev/null | tail -n1
}
job=$(django_shell "from films.tasks import film_import; print(film_import.enqueue(tmdb_id=$SLOW_FILM).id)")
[[ -n $job ]] || fail "could not queue an import job"
STATE="
import json
from django_tasks_db.models import DBTaskResult
from films.models import Film, FilmTranslation
from wagtail.images.models import Image
job = DBTaskResult.objects.get(pk='$job')
films = Film.objects.filter(tmdb_id=$SLOW_FILM)
print(json.dumps({'status': job.status, 'workers': job.worker_ids, 'films': films.count(),
    'translations': FilmTranslation.objects.filter(film__tmdb_id=$SLOW_FILM).count(),
    'posters': Image.objects.filter(title__startswith='Heat ').count()}))"
state() { django_shell "$STATE"; }
field() { python3 -c 'import json, sys; v = json.loads(sys.argv[1])[sys.argv[2]]; print(v[-1] if isinstance(v, list) and v else v)' "$1" "$2"; }
deadline=$(($(date +%s) + 120))
until [[ $(field "$(state)" status) == RUNNING ]]; do
    (($(date +%s) < deadline)) || fail "no worker started the import job $job"
    sleep 2
done
# The worker fetches the film's details, then waits on the slow poster.
until "$engine" logs "$(container tmdb)" 2>&1 | grep -q "/3/movie/$SLOW_FILM"; do
    (($(date +%s) < deadline)) || fail "the worker never asked the fake TMDB for film $SLOW_FILM"
    sleep 1
done
sleep 3
s=$(state)
first=$(field "$s" workers)
[[ $(field "$s" status) == RUNNING && $(field "$s" films) == 0 ]] || fail "before the kill: $s"
victim= survivor=
for w in "${workers[@]}"; do
    if [[ $first == "$(hostname_of "$w")"-* ]]; then victim=$w; else survivor=$w; fi
done
[[ -n $victim && -n $survivor ]] || fail "job $job runs on '$first', not one of ${workers[*]}"
"$engine" kill --signal KILL "$victim" >/dev/null
# No restart for this one: the job must go to the other worker.
"$engine" stop -t 0 "$victim" >/dev/null 2>&1 || true
s=$(state)
[[ $(field "$s" films) == 0 ]] || fail "the killed worker left a half-done film: $s"
deadline=$(($(date +%s) + 180))
until [[ $(field "$(state)" status) == SUCCESSFUL ]]; do
    (($(date +%s) < deadline)) || fail "the job was not finished by the other worker: $(state)"
    sleep 3
done
s=$(state)
last=$(field "$s" workers)
[[ $last == "$(hostname_of "$survivor")"-* ]] || fail "the job finished on '$last', not on $survivor"
[[ $(field "$s" films) == 1 && $(field "$s" translations) == 1 && $(field "$s" posters) == 1 ]] \
    || fail "duplicates after the retry: $s"
pass "(5) worker $victim killed mid-import (SIGKILL): nothing written; $survivor queued the job again and finished it: 1 film, 1 translation, 1 poster"

# --- health: nginx leaves out a replica that is gone --------------------------
"$engine" stop -t 10 "${webs[1]}" >/dev/null 2>&1
for n in $(seq 8); do
    got=$(fetch gone$n "$base/films/the-matrix-1999/")
    expect_status 200 "$got" "/films/the-matrix-1999/ with replica B stopped"
    served_by "gone$n" A
done
pass "replica B stopped: nginx sent all 8 page requests to A ($host_a), none failed"
