"""The desk served by uvicorn in a thread on a free loopback port, for the API tests."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from typing import Any


@dataclass(frozen=True)
class Answer:
    """A response: status, headers and body."""

    status: int
    headers: Message  # looked up without regard to case
    body: bytes

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)


@dataclass(frozen=True)
class Served:
    """Where the desk listens, and a client for it that never follows a redirect."""

    url: str

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        """One HTTP request; an error status is an answer, not an exception."""
        request = urllib.request.Request(self.url + path, body, headers or {}, method=method)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return Answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.headers, error.read())

    def check(self, **fields: Any) -> Answer:
        """`POST /api/check` with a JSON body."""
        body = json.dumps(fields).encode("utf-8")
        return self.request("POST", "/api/check", body, {"Content-Type": "application/json"})

    def upload(self, path: str, name: str, raw: bytes, **fields: str) -> Answer:
        """A multipart form with one file (field `file`) and other fields."""
        boundary = "factcheck-test-boundary"
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
            for key, value in fields.items()
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
            + raw
            + b"\r\n"
        )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return self.request("POST", path, body, headers)


@contextmanager
def serving(allowed_hosts: set[str] | None = None) -> Iterator[Served]:
    """The desk with the core rules, until the block ends."""
    import uvicorn

    from checker.desk.app import LOOPBACK_NAMES, create_app
    from checker.desk.server import bind
    from checker.desk.service import Desk

    listener = bind("127.0.0.1", 0)
    app = create_app(Desk(), LOOPBACK_NAMES if allowed_hosts is None else allowed_hosts)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield Served(f"http://127.0.0.1:{listener.getsockname()[1]}")
    finally:
        server.should_exit = True
        thread.join(30)
        listener.close()
