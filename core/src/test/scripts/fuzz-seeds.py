#!/usr/bin/env python3
"""Writes the fuzz seed corpus from the test data (run from core/: python3 src/test/scripts/fuzz-seeds.py).

Each seed is a control byte followed by the payload (see dev.chatwire.fuzz.FuzzInput); documents
of one stream are separated by 0xFF. Jazzer's regression mode reads them from
src/test/resources/dev/chatwire/fuzz/<TestClass>Inputs/<method>/ in every build.
"""
import hashlib
import json
import pathlib
import shutil

RES = pathlib.Path("src/test/resources")
OUT = RES / "dev/chatwire/fuzz"
SEP = b"\xff"


def target(cls, method):
    d = OUT / f"{cls}Inputs" / method
    if d.exists():
        for f in d.glob("seed-*"):
            f.unlink()
    d.mkdir(parents=True, exist_ok=True)
    return d


def put(d, name, control, payload):
    (d / f"seed-{name}").write_bytes(bytes([control]) + payload)


def part_bytes(x):
    """A part of an SSE case input, as SseCaseLoader reads it."""
    if isinstance(x, str):
        return x.encode("utf-8", "surrogatepass")
    if "hex" in x:
        return bytes(int(h, 16) for h in x["hex"].split())
    return x["repeat"].encode() * x["count"]


def sse_data(raw):
    """The data lines of an SSE recording, one document per event, without [DONE]."""
    docs = []
    for line in raw.replace(b"\r\n", b"\n").split(b"\n"):
        if line.startswith(b"data:"):
            v = line[5:].lstrip(b" ")
            if v and v != b"[DONE]":
                docs.append(v)
    return docs


streams = sorted((RES / "streams").glob("*.sse"))
jsonl = sorted((RES / "samples").glob("*.jsonl"))
completions = [p for p in sorted((RES / "samples").glob("*.json")) if "completion" in p.name]
chunk_files = [p for p in sorted((RES / "samples").glob("*.json")) if "chunk" in p.name]

stream_docs = {}
for p in streams:
    stream_docs[p.stem] = sse_data(p.read_bytes())
for p in jsonl:
    stream_docs[p.stem] = [l for l in p.read_bytes().split(b"\n") if l.strip()]

# (a) SSE decoder: recordings byte by byte and in wandering pieces; every conformance case.
d = target("SseDecoderFuzzTest", "anyBytesAtAnySplitDecodeAsTheWholeDoes")
for p in streams:
    put(d, p.stem + "-bytewise", 0x00, p.read_bytes())
    put(d, p.stem + "-pieces", 0x45, p.read_bytes())
for p in sorted((RES / "sse").glob("*.json")):
    for i, case in enumerate(json.loads(p.read_text()).get("cases", [])):
        inp = case.get("input")
        parts = inp if isinstance(inp, list) else [inp]
        raw = b"".join(part_bytes(x) for x in parts)
        put(d, f"{p.stem}-{i}", 0x00 if i % 2 else 0x13, raw)

# (b) chunk readers: every chunk one by one; each stream as documents in a row.
one = target("ChunkReaderFuzzTest", "oneShotReadFailsOnlyWithDecodeException")
seen = set()
for name, docs in stream_docs.items():
    for i, doc in enumerate(docs):
        h = hashlib.sha1(doc).hexdigest()[:8]
        if h not in seen:
            seen.add(h)
            put(one, f"{name}-{i}", 0, doc)
for p in chunk_files:
    put(one, p.stem, 0, p.read_bytes())
per = target("ChunkReaderFuzzTest", "perStreamReaderAgreesWithOneShotAndRecovers")
for name, docs in stream_docs.items():
    put(per, name, 0x55, SEP.join(docs))

# (c) accumulator: each stream's chunks.
acc = target("AccumulatorFuzzTest", "anyChunksAccumulateOrFailWithDecodeException")
for name, docs in stream_docs.items():
    put(acc, name, 0x81, SEP.join(docs))

# (d) round trip: chunks (control even) and completions (control odd).
rt = target("RoundTripFuzzTest", "whatIsReadIsWrittenAndReadBackEqual")
seen = set()
for name, docs in stream_docs.items():
    for i, doc in enumerate(docs):
        h = hashlib.sha1(doc).hexdigest()[:8]
        if h not in seen:
            seen.add(h)
            put(rt, f"{name}-{i}", 0, doc)
for p in chunk_files:
    put(rt, p.stem, 0, p.read_bytes())
for p in completions:
    put(rt, p.stem, 1, p.read_bytes())
