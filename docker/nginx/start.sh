#!/bin/sh
# Start nginx for docker compose: our site's configuration in place of the
# image's, plus what only the running container knows.
#
# nginx looks the web replicas up by name at run time, through a `resolver`:
# the container's DNS server, which differs between Docker (127.0.0.11) and
# podman (the network's gateway), so it is read from /etc/resolv.conf. The
# bucket that /media/ is passed on to comes from the environment
# (BUCKET_ORIGIN, BUCKET_NAME; docker-compose.yml sets them).
set -eu
conf=/etc/nginx/conf.d
nameserver=$(awk '$1 == "nameserver" { print $2; exit }' /etc/resolv.conf)
case $nameserver in *:*) nameserver="[$nameserver]" ;; esac
cat > "$conf/00-filmtracker.conf" <<CONF
resolver $nameserver valid=5s ipv6=off;
resolver_timeout 3s;
map \$host \$filmtracker_bucket_origin { default "${BUCKET_ORIGIN:?}"; }
map \$host \$filmtracker_bucket { default "${BUCKET_NAME:?}"; }
CONF
cp /etc/nginx/filmtracker/default.conf "$conf/default.conf"
exec nginx -g 'daemon off;'
