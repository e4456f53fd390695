#!/usr/bin/env python3
"""Machine translation for tolkar through the DeepL API (v2).

An example of a `tolkar translate` command: it reads tolkar's requests,
one JSON object per line on stdin, and writes one answer per line on
stdout. Standard library only (Python 3.8 or later). See docs/mt/README.md
for the protocol.

Setup: copy this file into your site, here as tools/deepl.py, then

    export DEEPL_AUTH_KEY=...            # from your DeepL account
    tolkar translate --lang nb --command "python3 tools/deepl.py"

or, in tolkar.toml:

    [translate]
    command = "python3 tools/deepl.py"
    batch = 50

The key is read from the environment, never from the command line. A key
ending in ":fx" is a DeepL API Free key and goes to api-free.deepl.com;
any other key goes to api.deepl.com (DeepL API Pro).

Optional environment variables:

    DEEPL_FORMALITY      default, more, less, prefer_more or prefer_less
                         (only some target languages support it)
    DEEPL_GLOSSARY_ID    a glossary for this language pair
    DEEPL_API_URL        another endpoint, e.g. a proxy or a mock server

How it keeps tolkar's placeholders: the texts are sent with
tag_handling=xml, and each placeholder becomes an XML tag that DeepL
moves with the words it belongs to but never translates:

    <1>Géant</1>   ->  <x1>Géant</x1>     (paired)
    <2/>           ->  <x2/>              (standalone)
    a line break   ->  <lb/>
    & < >          ->  &amp; &lt; &gt;    (the text itself, escaped)

and back again in the answer. If DeepL drops or duplicates a placeholder
anyway, tolkar refuses that one segment and stores the others.

Requests are sent to DeepL in groups of at most 50 texts (DeepL's limit)
and about 100 KB. Errors (no key, a rejected key, quota exceeded, no
network) go to stderr with a non-zero exit status; tolkar then stores
nothing of this batch and shows the last lines of stderr.

Language codes: tolkar's codes (en, nb, pt-BR, zh-Hant…) are mapped to
DeepL's. DeepL wants a variant for some target languages: edit
TARGET_DEFAULTS below to choose EN-US or PT-BR instead.
"""

import json
import os
import re
import sys
import time
import urllib.error
import urllib.request

# Target languages that DeepL accepts only with a variant.
TARGET_DEFAULTS = {
    "EN": "EN-GB",
    "PT": "PT-PT",
    "ZH": "ZH-HANS",
}
# Codes DeepL spells differently: its Norwegian is Bokmål, NB. (Nynorsk,
# nn, is not mapped: DeepL does not translate into it, and says so.)
ALIASES = {
    "NO": "NB",
}
# Target variants DeepL knows; any other region is dropped.
TARGET_VARIANTS = {"EN-GB", "EN-US", "PT-BR", "PT-PT", "ZH-HANS", "ZH-HANT"}

MAX_TEXTS = 50  # DeepL: at most 50 texts per request
MAX_BYTES = 100_000  # DeepL: at most 128 KiB per request body
RETRIES = 3  # for 429 (too many requests) and 5xx answers
TIMEOUT = 60  # seconds per HTTP request; keep below tolkar's timeout

PLACEHOLDER = re.compile(r"<(/?)(\d+)(/?)>")
TAG = re.compile(r"<(/?)x(\d+)\s*(/?)>|<lb\s*/>")
ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);")


class Failure(Exception):
    """An error for stderr; the exit status is `status`."""

    def __init__(self, message, status=1):
        super().__init__(message)
        self.status = status


def source_code(lang):
    """DeepL's source language: the primary subtag, upper case."""
    primary = lang.replace("_", "-").split("-")[0].upper()
    return ALIASES.get(primary, primary)


def target_code(lang):
    """DeepL's target language: with a variant where DeepL wants one."""
    parts = lang.replace("_", "-").upper().split("-")
    primary = ALIASES.get(parts[0], parts[0])
    if len(parts) > 1:
        variant = primary + "-" + parts[1]
        if variant in TARGET_VARIANTS:
            return variant
    return TARGET_DEFAULTS.get(primary, primary)


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text):
    def one(match):
        name = match.group(1)
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
        return {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}[name]

    return ENTITY.sub(one, text)


def to_xml(text):
    """tolkar's notation as XML that DeepL keeps the tags of."""
    out = []
    pos = 0
    for match in PLACEHOLDER.finditer(text):
        out.append(escape(text[pos : match.start()]))
        close, number, empty = match.groups()
        out.append("<%sx%s%s>" % (close, number, empty))
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out).replace("\n", "<lb/>")


def from_xml(text):
    """DeepL's answer back in tolkar's notation."""
    out = []
    pos = 0
    for match in TAG.finditer(text):
        out.append(unescape(text[pos : match.start()]))
        if match.group(2) is None:
            out.append("\n")
        else:
            close, number, empty = match.group(1), match.group(2), match.group(3)
            out.append("<%s%s%s>" % (close, number, empty))
        pos = match.end()
    out.append(unescape(text[pos:]))
    return "".join(out)


def endpoint(key):
    url = os.environ.get("DEEPL_API_URL")
    if url:
        return url
    if key.endswith(":fx"):
        return "https://api-free.deepl.com/v2/translate"
    return "https://api.deepl.com/v2/translate"


def post(url, key, body):
    """POSTs `body` as JSON and returns the decoded answer, retrying
    when DeepL asks to slow down or has a passing server error."""
    data = json.dumps(body).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=data,
        method="POST",
        headers={
            "Authorization": "DeepL-Auth-Key " + key,
            "Content-Type": "application/json",
            "User-Agent": "tolkar-deepl-example/1",
        },
    )
    for attempt in range(RETRIES + 1):
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return json.load(response)
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")
            try:
                detail = json.loads(detail).get("message", detail)
            except ValueError:
                pass
            if (e.code == 429 or e.code >= 500) and attempt < RETRIES:
                time.sleep(2**attempt)
                continue
            if e.code == 403:
                raise Failure("DeepL refused the key (403): check DEEPL_AUTH_KEY")
            if e.code == 456:
                raise Failure("DeepL quota exceeded (456): %s" % detail)
            raise Failure("DeepL answered %d: %s" % (e.code, detail))
        except urllib.error.URLError as e:
            raise Failure("cannot reach %s: %s" % (url, e.reason))
        except (TimeoutError, OSError) as e:
            raise Failure("talking to %s failed: %s" % (url, e))
        except ValueError as e:
            raise Failure("DeepL's answer is not JSON: %s" % e)
    raise Failure("DeepL is busy; gave up after %d retries" % RETRIES)


def chunks(requests):
    """Groups of at most MAX_TEXTS texts and about MAX_BYTES."""
    group, size = [], 0
    for request in requests:
        length = len(request["xml"].encode("utf-8")) + 16
        if group and (len(group) == MAX_TEXTS or size + length > MAX_BYTES):
            yield group
            group, size = [], 0
        group.append(request)
        size += length
    if group:
        yield group


def translate(requests, key):
    """Answers every request: {"id", "text"}."""
    url = endpoint(key)
    pairs = {}
    for request in requests:
        request["xml"] = to_xml(request["text"])
        pair = (source_code(request["source_lang"]), target_code(request["target_lang"]))
        pairs.setdefault(pair, []).append(request)
    answers = []
    for (source, target), same in pairs.items():
        for group in chunks(same):
            body = {
                "text": [r["xml"] for r in group],
                "source_lang": source,
                "target_lang": target,
                "tag_handling": "xml",
            }
            if os.environ.get("DEEPL_FORMALITY"):
                body["formality"] = os.environ["DEEPL_FORMALITY"]
            if os.environ.get("DEEPL_GLOSSARY_ID"):
                body["glossary_id"] = os.environ["DEEPL_GLOSSARY_ID"]
            result = post(url, key, body)
            translations = result.get("translations") if isinstance(result, dict) else None
            if not isinstance(translations, list) or len(translations) != len(group):
                found = len(translations) if isinstance(translations, list) else "no"
                raise Failure("DeepL gave %s translations for %d texts" % (found, len(group)))
            for request, translation in zip(group, translations):
                text = translation.get("text") if isinstance(translation, dict) else None
                if not isinstance(text, str):
                    raise Failure("DeepL's answer has a translation without text")
                answers.append({"id": request["id"], "text": from_xml(text)})
    return answers


def read_requests():
    requests = []
    text = sys.stdin.buffer.read().decode("utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            for field in ("id", "source_lang", "target_lang", "text"):
                if not isinstance(request.get(field), str):
                    raise ValueError("no %s" % field)
        except ValueError as e:
            raise Failure("line %d of the input is not a tolkar request: %s" % (number, e), 2)
        requests.append(request)
    return requests


def main():
    key = os.environ.get("DEEPL_AUTH_KEY", "").strip()
    if not key:
        raise Failure("DEEPL_AUTH_KEY is not set", 2)
    requests = read_requests()
    out = sys.stdout.buffer
    for answer in translate(requests, key):
        out.write(json.dumps(answer, ensure_ascii=False).encode("utf-8") + b"\n")
    out.flush()


if __name__ == "__main__":
    try:
        main()
    except Failure as e:
        print("deepl.py: %s" % e, file=sys.stderr)
        sys.exit(e.status)
