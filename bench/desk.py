"""Benchmark: reading DOCX and HTML releases (ms per document) and the desk's check round trip."""

from __future__ import annotations

import argparse
import html
import io
import json
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

from checker.readers import read

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "releases"
EXAMPLE = ROOT / "examples" / "eu-iom-senior-officials-2022-10-08.txt"


def as_docx(paragraphs: list[str]) -> bytes:
    """A Word document of these paragraphs."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_html(paragraphs: list[str]) -> bytes:
    """A web page of these paragraphs, with the furniture of a news site around them."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = (f"<!DOCTYPE html><html><head><title>x</title><script>var a=1;</script></head>"
            f"<body><header><nav><a href='/'>Home</a></nav></header><article>{body}</article>"
            f"<footer>Contact</footer></body></html>")  # fmt: skip
    return page.encode("utf-8")


def median_ms(times: list[float]) -> str:
    return f"median {statistics.median(times) * 1000:.2f} ms, max {max(times) * 1000:.2f} ms"


def readers(corpus: Path) -> None:
    """Each corpus release as DOCX and as HTML, read back, timed."""
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted(corpus.glob("*.txt"))]
    releases = [[p.strip() for p in t.split("\n\n") if p.strip()] for t in texts]
    for kind, make in (("docx", as_docx), ("html", as_html)):
        files = [make(paragraphs) for paragraphs in releases]
        times = []
        for raw in files:
            began = time.perf_counter()
            read(raw, kind, f"x.{kind}")
            times.append(time.perf_counter() - began)
        size = statistics.median(len(raw) for raw in files) / 1024
        print(f"read {kind}: {median_ms(times)} per release over {len(files)} "
              f"(median file {size:.0f} KB)")  # fmt: skip


def round_trips(runs: int) -> None:
    """POST /api/check of the example release to a desk on a loopback port, timed."""
    import uvicorn

    from checker.desk.app import LOOPBACK_NAMES, create_app
    from checker.desk.server import bind
    from checker.desk.service import Desk

    listener = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(create_app(Desk(), LOOPBACK_NAMES),
                                           log_level="warning", lifespan="off"))  # fmt: skip
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/api/check"
    body = json.dumps({"text": EXAMPLE.read_text(encoding="utf-8-sig")}).encode()
    times = []
    for _ in range(runs):
        request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
        began = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
        times.append(time.perf_counter() - began)
    server.should_exit = True
    thread.join()
    print(f"desk POST /api/check of the example: {median_ms(times[1:])} over {runs - 1} "
          "(after one warm-up)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    if args.corpus.is_dir():
        readers(args.corpus)
    else:
        print(f"bench: {args.corpus}: no corpus (../shared is absent); readers not timed",
              file=sys.stderr)  # fmt: skip
    round_trips(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
