#!/usr/bin/env python3
"""A translator outside tolkar: edits an exported file the way a person
with a CAT tool, Poedit or a spreadsheet would. Every unit gets a target
made from its source (vowels accented, entities and emoji codes kept), the
first two standalone placeholders of a segment change places, and the unit
is marked translated.

usage: translator.py FORMAT FILE   (FORMAT: xliff2 xliff12 po csv json)
The file is rewritten in place. PO needs polib; the others only the
standard library.
"""
import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET

ACCENTS = str.maketrans("aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ")
KEEP = re.compile(r"(&#?\w+;|:[a-z0-9_+-]+:|https?://\S+)")
TAG = re.compile(r"(</?\d+>|<\d+/>)")


def accent(text):
    """Accents the vowels of a text run, leaving entities and codes alone."""
    return "".join(
        part if KEEP.fullmatch(part) else part.translate(ACCENTS)
        for part in KEEP.split(text)
    )


def translate_notation(text):
    """A target in tolkar's notation: text accented, placeholders kept, the
    first two standalone ones at depth 0 swapped."""
    parts = TAG.split(text)
    depth = 0
    standalone = []
    for i, part in enumerate(parts):
        if TAG.fullmatch(part):
            if part.endswith("/>"):
                if depth == 0:
                    standalone.append(i)
            elif part.startswith("</"):
                depth -= 1
            else:
                depth += 1
        else:
            parts[i] = accent(part)
    if len(standalone) >= 2:
        a, b = standalone[:2]
        parts[a], parts[b] = parts[b], parts[a]
    return "".join(parts)


def translate_element(source, target, standalone_tag):
    """Copies an XLIFF source element into target: text and tails
    accented, the first two top-level standalone elements swapped."""
    target.text = accent(source.text) if source.text else source.text
    for child in list(target):
        target.remove(child)

    def copy(element):
        clone = ET.Element(element.tag, dict(element.attrib))
        clone.text = accent(element.text) if element.text else element.text
        clone.tail = accent(element.tail) if element.tail else element.tail
        for sub in element:
            clone.append(copy(sub))
        return clone

    children = [copy(child) for child in source]
    singles = [i for i, c in enumerate(children) if c.tag == standalone_tag]
    if len(singles) >= 2:
        a, b = singles[:2]
        # Swap the elements, keep the text after each where it was.
        children[a].tail, children[b].tail = children[b].tail, children[a].tail
        children[a], children[b] = children[b], children[a]
    for child in children:
        target.append(child)


def xliff(path, version):
    if version == 2:
        ns = "urn:oasis:names:tc:xliff:document:2.0"
        ET.register_namespace("", ns)
        ET.register_namespace("mtc", "urn:oasis:names:tc:xliff:matches:2.0")
    else:
        ns = "urn:oasis:names:tc:xliff:document:1.2"
        ET.register_namespace("", ns)
    q = lambda name: "{%s}%s" % (ns, name)
    tree = ET.parse(path)
    if version == 2:
        for segment in tree.iter(q("segment")):
            source = segment.find(q("source"))
            target = segment.find(q("target"))
            if target is None:
                target = ET.Element(q("target"))
                index = list(segment).index(source) + 1
                segment.insert(index, target)
            translate_element(source, target, q("ph"))
            segment.set("state", "translated")
            segment.attrib.pop("subState", None)
    else:
        for unit in tree.iter(q("trans-unit")):
            source = unit.find(q("source"))
            target = unit.find(q("target"))
            if target is None:
                target = ET.Element(q("target"))
                index = list(unit).index(source) + 1
                unit.insert(index, target)
            translate_element(source, target, q("x"))
            target.set("state", "translated")
            target.attrib.pop("state-qualifier", None)
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def po(path):
    import polib

    catalog = polib.pofile(path)
    for entry in catalog:
        entry.msgstr = translate_notation(entry.msgid)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
    catalog.save(path)


def table(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = [h.lower() for h in rows[0]]
    source = next(i for i, h in enumerate(header) if h.startswith("source"))
    target = next(i for i, h in enumerate(header) if h.startswith("target"))
    state = header.index("state")
    for row in rows[1:]:
        row[target] = translate_notation(row[source])
        row[state] = "translated"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write(out.getvalue())


def as_json(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for unit in data["units"]:
        unit["target"] = translate_notation(unit["source"])
        unit["state"] = "translated"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    fmt, file = sys.argv[1], sys.argv[2]
    {
        "xliff2": lambda p: xliff(p, 2),
        "xliff12": lambda p: xliff(p, 1),
        "po": po,
        "csv": table,
        "json": as_json,
    }[fmt](file)
