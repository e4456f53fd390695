#!/bin/sh
# Validates XLIFF files against the OASIS schemas, offline: XLIFF 2.0
# against the core schema and again with its modules (so <mtc:matches> is
# checked too), XLIFF 1.2 against the strict schema with its web import of
# xml.xsd pointed at a local copy through an XML catalog.
#
# Usage: tests/tools/validate-xliff.sh FILE...
# Schemas: $TOLKAR_SCHEMAS, by default tests/fixtures/schemas of the repository.
# Exits non-zero if any file is invalid or of neither version.
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
schemas=${TOLKAR_SCHEMAS:-$repo/tests/fixtures/schemas}
[ -d "$schemas" ] || { echo "$0: no schemas at $schemas (set TOLKAR_SCHEMAS)" >&2; exit 2; }
schemas=$(cd "$schemas" && pwd)
x2=$schemas/xliff-2.0
x12=$schemas/xliff-1.2

if [ $# -eq 0 ]; then
    echo "usage: $0 FILE..." >&2
    exit 2
fi
command -v xmllint >/dev/null || { echo "$0: xmllint not found" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# file:// URI of an absolute path.
uri() {
    printf 'file://%s' "$1" | sed -e 's/%/%25/g' -e 's/ /%20/g'
}

# XLIFF 1.2: the catalog maps the web address of xml.xsd to the local copy.
xml_xsd=$(uri "$x2/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd")
cat >"$tmp/catalog.xml" <<XML
<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <uri name="http://www.w3.org/2001/xml.xsd" uri="$xml_xsd"/>
  <system systemId="http://www.w3.org/2001/xml.xsd" uri="$xml_xsd"/>
</catalog>
XML

# XLIFF 2.0: a schema importing the core and every module of the catalog.
{
    echo '<?xml version="1.0"?>'
    echo '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
    sed -n 's|.*<uri name="\([^"]*\)" uri="\([^"]*\)"/>.*|\1 \2|p' "$x2/catalog.xml" |
        while read -r ns file; do
            echo "  <xs:import namespace=\"$ns\" schemaLocation=\"$(uri "$x2/$file")\"/>"
        done
    echo '</xs:schema>'
} >"$tmp/xliff2-modules.xsd"

status=0
for file in "$@"; do
    if grep -q 'urn:oasis:names:tc:xliff:document:2\.0' "$file"; then
        xmllint --noout --nonet --schema "$x2/xliff_core_2.0.xsd" "$file" &&
            xmllint --noout --nonet --schema "$tmp/xliff2-modules.xsd" "$file" ||
            status=1
    elif grep -q 'urn:oasis:names:tc:xliff:document:1\.2' "$file"; then
        XML_CATALOG_FILES="$tmp/catalog.xml" \
            xmllint --noout --nonet --schema "$x12/xliff-core-1.2-strict.xsd" "$file" ||
            status=1
    else
        echo "$file: neither XLIFF 2.0 nor XLIFF 1.2" >&2
        status=1
    fi
done
exit $status
