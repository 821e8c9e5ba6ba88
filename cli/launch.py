"""The ``plandiff`` command's entry point: hand the command to a running server, else run it here.

Why: a command pays for starting Python, importing the package and compiling its patterns before
it reads a byte of a plan: most of the time of a ``diff`` of two ordinary plans. A server started
once (``plandiff server start``) has all of that done; each command is run there in a forked
child, with this process's standard streams, directory, environment and umask, and its exit
status comes back. This module is all a served command imports, so it imports nothing that Python
has not already loaded at startup but two modules of C (``_socket``, ``_signal``: their Python
wrappers cost more than the rest of the client). No server, another installation's server, or a
server whose code has changed since it started: the command runs here, as it always did
(``PLANDIFF_SERVER=off`` says never to ask; ``PLANDIFF_SERVER=auto`` starts a server then, for
the commands after it).
"""

from __future__ import annotations

import _socket
import os
import sys

PROTOCOL = 1
"""Bumped when a request or a reply changes shape: a server serves only clients of its own
protocol (it is part of the code mark)."""


def socket_path() -> str:
    """Where the server listens: ``PLANDIFF_SOCKET``, else a folder of this user's own (the runtime
    folder when the session has one, else one in /tmp named by the user id)."""
    given = os.environ.get("PLANDIFF_SOCKET")
    if given:
        return given
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    folder = os.path.join(runtime, "plandiff") if runtime else f"/tmp/plandiff-{os.getuid()}"
    return os.path.join(folder, "server.sock")


def code_mark() -> tuple[int, str, str, tuple[str, ...]]:
    """What a server must share with this process to run its commands: the protocol, the
    interpreter, the code (this package's folder) and where imports come from (``sys.path``:
    another PYTHONPATH may hold another plandiff)."""
    return PROTOCOL, sys.executable, os.path.dirname(os.path.abspath(__file__)), tuple(sys.path)


def frame(message: object) -> bytes:
    import marshal

    data = marshal.dumps(message)
    return len(data).to_bytes(4, "big") + data


def read_frame(sock: object, pending: bytearray | None = None) -> object:
    """The next length-prefixed message; None when the peer closed before a whole one came.
    ``pending`` holds what was received but not yet read (two messages may come in one piece)."""
    import marshal

    data = pending if pending is not None else bytearray()
    while len(data) < 4 or len(data) < 4 + int.from_bytes(data[:4], "big"):
        chunk = sock.recv(65536)  # type: ignore[attr-defined]
        if not chunk:
            return None
        data += chunk
    size = int.from_bytes(data[:4], "big")
    message = marshal.loads(bytes(data[4:4 + size]))
    del data[:4 + size]
    return message


def same_user(sock: object) -> bool:
    """Whether the process at the socket's other end runs as this user (the kernel says so)."""
    creds = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_PEERCRED, 12)  # type: ignore[attr-defined]
    return int.from_bytes(creds[4:8], sys.byteorder) == os.getuid()


def connect(path: str) -> _socket.socket | None:
    """A connection to this user's server at ``path``, or None when there is none to connect to."""
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.connect(path)
        if same_user(sock):
            return sock
    except OSError:
        pass
    sock.close()
    return None


def send(sock: _socket.socket, data: bytes, fds: list[int]) -> None:
    """``data``, with the file descriptors ``fds`` passed along (SCM_RIGHTS)."""
    rights = b"".join(fd.to_bytes(4, sys.byteorder) for fd in fds)
    sent = sock.sendmsg([data], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, rights)] if fds else [])
    if sent < len(data):
        sock.sendall(data[sent:])


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


def served(argv: list[str]) -> int | None:
    """Run ``argv`` on the server: its exit status, or None when the server did not take it (and
    so nothing of the command has run)."""
    path = socket_path()
    if not os.path.exists(path):
        return None
    sock = connect(path)
    if sock is None:
        return None
    try:
        return _run_there(sock, argv)
    finally:
        sock.close()


def _run_there(sock: _socket.socket, argv: list[str]) -> int | None:
    import _signal

    try:
        cwd = os.getcwd()
    except OSError:  # the folder was removed: no server can stand in it, the command runs here
        return None
    request = {"op": "run", "code": code_mark(), "argv": argv, "cwd": cwd, "env": dict(os.environ),
               "umask": _umask(), "encoding": [(s.encoding, s.errors) if s else None for s in (sys.stdin, sys.stdout, sys.stderr)]}
    fds = [fd for fd in (0, 1, 2) if _is_open(fd)]
    request["fds"] = fds
    pending = bytearray()
    child: list[int] = []  # the command's process, once the server says which
    caught: list[int] = []
    passed = (_signal.SIGINT, _signal.SIGTERM, _signal.SIGHUP)

    def pass_on(signum: int, _frame: object) -> None:
        # Ctrl-C (or a kill) reaches this process only: the command gets it, and ends as it would here
        caught.append(signum)
        if child:
            _signal_to(child[0], signum)

    before = [_signal.signal(signum, pass_on) for signum in passed]
    try:
        send(sock, frame(request), fds)
        reply = read_frame(sock, pending)
    except OSError:
        reply = None
    if not isinstance(reply, tuple) or reply[0] != "pid":
        for signum, handler in zip(passed, before, strict=True):
            _signal.signal(signum, handler)
        if caught:  # interrupted before anything ran: as if it had run here
            return _ended(caught[0])
        return None  # refused (another installation, changed code, going away): run it here
    child.append(reply[1])
    for signum in caught:
        _signal_to(child[0], signum)
    try:
        reply = read_frame(sock, pending)
    except OSError:
        reply = None
    if isinstance(reply, tuple) and reply[0] == "exit":
        return int(reply[1])
    if caught:  # the command ended by the signal passed on to it
        return _ended(caught[0])
    sys.stderr.write("plandiff: the server stopped before the command ended\n")
    return 2


def _ended(signum: int) -> int:
    """The message and status of a command stopped by ``signum`` (as ``main`` gives them)."""
    import _signal

    if signum == _signal.SIGINT:
        sys.stderr.write("plandiff: interrupted\n")
        return 130
    sys.stderr.write("plandiff: terminated\n")
    return 128 + signum


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False


def _signal_to(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except OSError:
        pass


def keep_compiled() -> None:
    """Write the patterns this process compiled to the package's pattern file (``plandiff.compiled``),
    as its exit handler would: for a process that leaves without Python's exit handlers."""
    patterns = sys.modules.get("plandiff.compiled")
    if patterns is not None:
        try:
            patterns.save()
        except Exception:  # noqa: BLE001 - the file only saves time: never a reason to fail a command
            pass


def leave_now(code: int) -> None:
    """End the process with ``code`` once the standard streams are flushed, without the
    interpreter's teardown (which frees, object by object, memory the system takes back anyway)."""
    keep_compiled()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    os._exit(code)


def main() -> None:
    argv = sys.argv
    mode = os.environ.get("PLANDIFF_SERVER", "").lower()
    if sys.platform.startswith("linux") and mode not in ("off", "0", "no") and argv[1:2] != ["server"]:
        code = served(argv)
        if code is not None:
            leave_now(code)  # nothing here to tidy: the interpreter's teardown is a few ms of a served command
        if mode == "auto":
            _start_beside()
    from .main import main as run_here

    run_here()


def _start_beside() -> None:
    """``PLANDIFF_SERVER=auto``: no server took this command, so one is started for the next ones
    (as Mercurial's chg starts its command server), detached, while this command runs here. One
    that cannot start (another is starting, the folder is not this user's) is simply not there."""
    try:
        from .server import start_detached

        start_detached(socket_path(), wait=False)
    except Exception:  # noqa: BLE001 - the command itself must run whatever happens to its server
        pass


if __name__ == "__main__":  # pragma: no cover
    main()
