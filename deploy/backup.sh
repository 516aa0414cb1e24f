#!/usr/bin/env bash
# Back up SAKIP Kecamatan: the PostgreSQL database (pg_dump custom format) and the media
# folder (evidence, signed and rendered documents), both stamped with the same time.
#
#   DATABASE_URL=postgres://... SAKIP_MEDIA_ROOT=/mnt/sakip-media deploy/backup.sh [DIR]
#
# DIR defaults to $SAKIP_BACKUP_DIR or ./var/backups. Prints the two files it wrote.
# With S3 storage (SAKIP_STORAGE_BACKEND=storages.backends.s3.S3Storage) the media lives in
# the bucket: back it up with the bucket's versioning or `aws s3 sync`, not with this tar.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL (postgres://...) wajib diisi}"
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "backup.sh: hanya untuk PostgreSQL (DATABASE_URL=postgres://...)" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "$0")/.." && pwd)"
media="${SAKIP_MEDIA_ROOT:-$here/var/media}"
dir="${1:-${SAKIP_BACKUP_DIR:-$here/var/backups}}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dir"

dump="$dir/sakip-$stamp.dump"
archive="$dir/sakip-media-$stamp.tar.gz"

# Custom format: compressed, restorable table by table, into any database name.
pg_dump --format=custom --no-owner --no-privileges --file="$dump.part" "$DATABASE_URL"
mv "$dump.part" "$dump"

if [ -d "$media" ]; then
  tar -czf "$archive.part" -C "$media" .
else
  # An office without uploads yet: an empty archive keeps restore uniform.
  tar -czf "$archive.part" --files-from /dev/null
fi
mv "$archive.part" "$archive"

echo "$dump"
echo "$archive"
