#!/usr/bin/env bash
# Restore a SAKIP Kecamatan backup into a FRESH PostgreSQL database and media folder.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sakip_restored \
#   SAKIP_MEDIA_ROOT=/mnt/sakip-media-restored \
#   deploy/restore.sh var/backups/sakip-<stamp>.dump var/backups/sakip-media-<stamp>.tar.gz
#
# The database is created when it does not exist; a database that already holds tables is
# refused (restoring over live data is never what anyone wants at 2 a.m.). The media folder
# must be empty or missing for the same reason.
set -euo pipefail

dump="${1:?pemakaian: restore.sh BERKAS.dump [BERKAS-media.tar.gz]}"
archive="${2:-}"
: "${DATABASE_URL:?DATABASE_URL (postgres://...) basis data tujuan wajib diisi}"
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "restore.sh: hanya untuk PostgreSQL (DATABASE_URL=postgres://...)" >&2; exit 2 ;;
esac
[ -f "$dump" ] || { echo "restore.sh: berkas $dump tidak ada" >&2; exit 2; }

here="$(cd "$(dirname "$0")/.." && pwd)"
media="${SAKIP_MEDIA_ROOT:-$here/var/media}"

# postgres://user@host:port/name[?options] -> the name, and the server's maintenance db.
base="${DATABASE_URL%%\?*}"
name="${base##*/}"
server="${base%/*}/postgres"

exists="$(psql "$server" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")"
if [ "$exists" != "1" ]; then
  psql "$server" -q -c "CREATE DATABASE \"$name\""
fi
tables="$(psql "$DATABASE_URL" -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
if [ "$tables" != "0" ]; then
  echo "restore.sh: basis data $name tidak kosong ($tables tabel); pulihkan ke basis data baru." >&2
  exit 3
fi

pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$dump"

if [ -n "$archive" ]; then
  if [ -d "$media" ] && [ -n "$(ls -A "$media")" ]; then
    echo "restore.sh: folder media $media tidak kosong; pulihkan ke folder baru." >&2
    exit 3
  fi
  mkdir -p "$media"
  tar -xzf "$archive" -C "$media"
fi

echo "Dipulihkan ke $name${archive:+ dan $media}."
