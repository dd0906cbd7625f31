#!/bin/sh
# Turn schema files into a C table (name, bytes) so the library carries its
# schemas with it. Usage: embed-schemas.sh schemas/*.xsd > schemas.c
set -e
echo '#include <stddef.h>'
echo 'struct mp_schema_blob { const char *name; const unsigned char *data; size_t len; };'
i=0
for f in "$@"; do
	echo "static const unsigned char blob$i[] = {"
	od -An -v -tx1 "$f" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'
	echo "0x00 };"
	i=$((i + 1))
done
echo 'const struct mp_schema_blob mp_schema_blobs[] = {'
i=0
for f in "$@"; do
	echo "	{ \"$(basename "$f")\", blob$i, sizeof blob$i - 1 },"
	i=$((i + 1))
done
echo '	{ NULL, NULL, 0 } };'
echo "const size_t mp_schema_nblobs = $i;"
