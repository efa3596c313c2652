#!/usr/bin/env python3
"""Writes the seed corpora under Tests/Fuzz/corpus/ from the repository's own examples: the
documents' example bodies (as Tests/DanaSandboxCoreTests/Lint/DocumentExamplesTests.swift sends
them), the README's JSON blocks, the shipped scenarios, seed.sql, plus a few hand-written edge
cases per target. Run it again after those change; `make fuzz` only reads the result."""
import hashlib, json, os, re, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "Tests/Fuzz/corpus"
STAMP = "2024-05-01T10:00:00+07:00"


def write(target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def document_examples():
    """The triple-quoted JSON texts of the document-examples test, interpolations filled in."""
    text = (ROOT / "Tests/DanaSandboxCoreTests/Lint/DocumentExamplesTests.swift").read_text()
    for block in re.findall(r'"""\n(.*?)\n\s*"""', text, re.S):
        block = re.sub(r"\\\((.*?)\)", STAMP, block).replace("\\\n", "")
        yield "\n".join(line.strip() for line in block.splitlines())


def readme_json():
    text = (ROOT / "README.md").read_text()
    yield from re.findall(r"```json\n(.*?)```", text, re.S)


examples = list(document_examples()) + list(readme_json())
scenarios = sorted((ROOT / "scenarios").rglob("*.json"))

for body in examples:
    write("json", body)
    write("open-api-span", body)
    if body.lstrip().startswith("{"):
        write("open-api-span", '{"request":' + body + ',"signature":"c2lnbmF0dXJl"}')
for path in scenarios[:40]:
    write("json", path.read_bytes())
for path in scenarios:
    write("scenario-file", path.read_bytes())
for edge in ['"\\ud83d\\ude00 \\u00e9 \\/ \\n"', "[-0, 1e3, 15000.00, 1E-7, 0.5]", '{"a":null,"a":[null,{}]}', "[[[[[]]]]]", "  true  "]:
    write("json", edge)

write("seed-script", (ROOT / "seed.sql").read_bytes())
write("seed-script", "-- comment\nCREATE TABLE t(a);\n/* block */ INSERT INTO t VALUES ('x;y');\nSELECT * FROM t;")
write("seed-script", "CREATE TABLE t(a PRIMARY KEY);\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (1);\n")

for stamp in [STAMP, "2024-05-01T03:00:00Z", "2024-05-01T10:00:00.123+07:00", "2024-02-29T23:59:59.123456789-05:30",
              "2016-12-31T23:59:60Z", "2023-02-29T00:00:00Z"]:
    write("timestamp", stamp)

requests = [
    "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    "GET /sandbox/journal?limit=5&x=a%20b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
    "POST /v1.0/emoney/account-inquiry.htm HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    "X-TIMESTAMP: " + STAMP + "\r\nContent-Length: 13\r\n\r\n{\"amount\":{}}",
    "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n4;ext=1\r\nabcd\r\n0\r\nTrailer: y\r\n\r\n",
    "\r\nGET http://x/a?b HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
]
for body in examples[:3]:
    requests.append("POST /dana/member/query/queryUserProfile.htm HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n\r\n%s"
                    % (len(body.encode()), body))
for request in requests:
    write("http-request", request)

for chunked in ["4\r\nabcd\r\n0\r\n\r\n", "a;name=value\r\n0123456789\r\n0\r\n\r\n", "3\nabc\n0\nX-T: 1\n\n",
                "1 \r\nz\r\n0\r\n\r\n", "0\r\n\r\n"]:
    write("chunked-body", chunked)
