#!/usr/bin/env python3
"""A machine-translation command for tests: reads tolkar's JSON lines on
stdin and answers each with its text in capitals (placeholders kept).
FAKE_MT_MODE makes it misbehave: fail, garbage, drop-placeholder, sleep,
empty.
FAKE_MT_LOG, if set, gets one line per request and the argv, so a test
can see what was sent and that no text was on the command line."""
import json
import os
import re
import sys
import time

mode = os.environ.get("FAKE_MT_MODE", "ok")
log = os.environ.get("FAKE_MT_LOG")
requests = [json.loads(line) for line in sys.stdin if line.strip()]
if log:
    with open(log, "a", encoding="utf-8") as f:
        f.write(json.dumps({"argv": sys.argv}) + "\n")
        for r in requests:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
if mode == "fail":
    print("quota exceeded", file=sys.stderr)
    sys.exit(3)
if mode == "garbage":
    print("<html>502 Bad Gateway</html>")
    sys.exit(0)
if mode == "sleep":
    time.sleep(60)
if mode == "empty":
    for r in requests:
        print(json.dumps({"id": r["id"], "text": ""}))
    sys.exit(0)
TAG = re.compile(r"(</?\d+>|<\d+/>)")
dropped = False
for r in requests:
    text = "".join(p if TAG.fullmatch(p) else p.upper() for p in TAG.split(r["text"]))
    if mode == "drop-placeholder" and not dropped and TAG.search(text):
        text = TAG.sub("", text)
        dropped = True
    print(json.dumps({"id": r["id"], "text": text}, ensure_ascii=False))
