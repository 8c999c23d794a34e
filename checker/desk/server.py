"""`factcheck serve`: the desk on a local port, served by uvicorn until Ctrl+C."""

from __future__ import annotations

import ipaddress
import socket
import sys
from collections.abc import Sequence

from checker.errors import InputError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    """Whether a host to bind is this machine only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or the one-line error of why there is none."""
    where = f"{host}:{port}"
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(f"--host {host}", f"is not an address here ({exc.strerror})") from None
    family, _, _, _, address = infos[0]
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
        listener.listen(64)
    except OSError as exc:
        listener.close()
        hint = (
            "stop the other server or give --port"
            if exc.errno == 98
            else "give another --host or --port"
        )
        raise InputError(where, f"cannot listen ({exc.strerror})", hint) from None
    return listener


def serve(host: str, port: int, rule_dirs: Sequence[str]) -> int:
    """Run the desk until interrupted; 0 when stopped, 2 when it could not start."""
    import uvicorn

    from checker.desk.app import LOOPBACK_NAMES, create_app
    from checker.desk.service import Desk

    desk = Desk(rule_dirs)  # rule or configuration errors stop it here, before it listens
    local = is_loopback(host)
    if not local:
        print(f"factcheck: warning: --host {host} serves the desk to every machine that can "
              "reach this one; anyone there can send it text to check", file=sys.stderr)  # fmt: skip
    listener = bind(host, port)
    shown = f"[{host}]" if ":" in host else host
    bound_port = listener.getsockname()[1]
    app = create_app(desk, LOOPBACK_NAMES | {host.strip("[]")} if local else None)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    print(f"factcheck desk: http://{shown}:{bound_port}/ (Ctrl+C stops it)", flush=True)
    uvicorn.Server(config).run(sockets=[listener])
    return 0
