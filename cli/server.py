"""``plandiff server``: one warm process that runs commands for ``plandiff`` (see ``launch``).

Why a server and not a faster start: of a ``diff`` of two ordinary plans, most of the time is
Python starting, importing and compiling patterns; only a process that has already done so can
skip it. The design is the one of ``dmypy`` and nailgun: a Unix socket in a folder of the user's
own, a request that carries the client's arguments, directory, environment, umask and standard
streams (the file descriptors themselves, passed over the socket), and the command run in a
child forked from the warm server, so that no command sees what another left behind and a crash
takes down one command, not the server. The kernel vouches for the client (same user id) and the
client for the server. A server whose code changed on disk since it started refuses work and
stops; the client then runs the command itself. A signal reaches a served command through its
client, a moment later than it would reach a command of its own: an input closed at the same
instant may be read first.
"""

from __future__ import annotations

import fcntl
import gc
import io
import marshal
import os
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path

import click

from .common import UserError
from .launch import code_mark, connect, frame, keep_compiled, read_frame, same_user, socket_path

IDLE_TIMEOUT = 3600.0
"""Seconds without a command after which the server stops (0: never)."""

WARM_PLAN = """ỦY BAN NHÂN DÂN
TỈNH MẪU
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Mẫu, ngày 10 tháng 3 năm {year}
KẾ HOẠCH
Thực hiện công tác bình đẳng giới năm {year}
Căn cứ Luật Bình đẳng giới năm 2006; Nghị định số 48/2009/NĐ-CP ngày 19/5/2009 của Chính phủ;
Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ.
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức về bình đẳng giới trong cán bộ, công chức{extra}.
2. Yêu cầu
a) Các sở, ngành triển khai đầy đủ, kịp thời các nội dung của Kế hoạch.
b) Báo cáo kết quả thực hiện trước ngày 15/12/{year}.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các cơ quan liên quan tổ chức tập huấn.
- Thời gian thực hiện: Quý II năm {year}.
2. Ủy ban nhân dân các huyện, thị xã, thành phố xây dựng kế hoạch thực hiện tại địa phương.
III. TỔ CHỨC THỰC HIỆN
Giao Sở Lao động - Thương binh và Xã hội theo dõi, đôn đốc việc thực hiện Kế hoạch này.
Nơi nhận:
- Bộ Lao động - Thương binh và Xã hội;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
"""
"""A small plan of the usual shape: the server runs commands on two of its versions before it
listens, so that what the commands load and compile on first use is loaded and compiled once."""


COMMANDS = ("diff", "diff-json", "diff-docx", "align", "parse", "cite", "tasks", "tasks-page", "history", "graph", "trace")
"""What the server runs once before it listens, by name: each command's modules and patterns are
then loaded in the server, where every served command finds them (a module a command imports
only in its own child is imported again by every such command)."""


def _warm(commands: tuple[str, ...] = COMMANDS) -> None:
    """Run ``commands`` on two versions of a small plan, quietly, writing into a folder of their own."""
    import contextlib

    from .main import cli

    with tempfile.TemporaryDirectory(prefix="plandiff-warm-") as tmp:
        a, b = str(Path(tmp) / "a.txt"), str(Path(tmp) / "b.txt")
        Path(a).write_text(WARM_PLAN.format(year=2025, extra=""), encoding="utf-8")
        Path(b).write_text(WARM_PLAN.format(year=2026, extra=" và người dân"), encoding="utf-8")
        out = str(Path(tmp) / "out")
        argv = {"diff": ["diff", a, b, "-o", f"{out}.html"], "diff-json": ["diff", a, b, "-o", f"{out}.json"],
                "diff-docx": ["diff", a, b, "-o", f"{out}.docx"],
                "align": ["align", a, b, "--json", "-o", f"{out}.json"], "parse": ["parse", a, "--json", "-o", f"{out}.json"],
                "cite": ["cite", a, "--json", "-o", f"{out}.json"], "tasks": ["tasks", a, b, "--json"],
                "tasks-page": ["tasks", a, "-o", f"{out}-duties.html"],
                "history": ["history", a, b, "-o", f"{out}.html"], "graph": ["graph", a, b, "-o", f"{out}.html"],
                "trace": ["trace", a, b, "--instrument", "1719/QĐ-TTg"]}
        quiet = io.StringIO()
        # numpy loaded here once: the served comparisons are worked in arrays from a few dozen
        # clauses (the warm plans are smaller: one alignment worked in arrays loads what it calls)
        import plandiff
        from plandiff.compare import candidates

        candidates.keep_numpy()
        bar, candidates.VECTORISE_FROM = candidates.VECTORISE_FROM, 0
        try:
            plandiff.align(plandiff.parse_file(Path(a)), plandiff.parse_file(Path(b)))
        except Exception:  # noqa: BLE001 - warming is best effort
            pass
        finally:
            candidates.VECTORISE_FROM = bar
        for name in commands:
            try:
                with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
                    cli.main(argv[name], standalone_mode=False)
            except (Exception, SystemExit):  # noqa: BLE001 - warming is best effort: a failure only costs time later
                pass
    _warm_patterns()  # the stages' modules are loaded now
    keep_compiled()  # the next server, and commands run on their own, load them from the file


def _warm_patterns() -> None:
    """Build the patterns the stages build on first use that a small plan does not call for: every
    argument-less pattern builder of the package (cached), and the aligner's pattern of each level
    word (a plan masks its own: "tỉnh", "thành phố", …)."""
    import inspect

    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "plandiff":
            continue
        for value in list(vars(module).values()):
            if not callable(getattr(value, "cache_info", None)) or getattr(value, "__module__", None) != name:
                continue
            try:
                if not inspect.signature(value).parameters:
                    value()
            except (TypeError, ValueError, OSError, ImportError):  # not introspectable, or data missing
                continue
    from plandiff.compare.aligner import _level_word
    from plandiff.parsing.frontmatter import _LEVELS

    for level in _LEVELS:
        _level_word(level)


def _loaded_code() -> dict[str, float]:
    """The modification time of every loaded module of this package and of plandiff."""
    mtimes: dict[str, float] = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] in ("plandiff", "plandiff_cli"):
            path = getattr(module, "__file__", None)
            if path:
                try:
                    mtimes[path] = os.stat(path).st_mtime
                except OSError:
                    mtimes[path] = -1.0
    return mtimes


def _changed(mtimes: dict[str, float]) -> bool:
    for path, mtime in mtimes.items():
        try:
            if os.stat(path).st_mtime != mtime:
                return True
        except OSError:
            return True
    return False


_libc: object = None
"""The C library, loaded once in the server (for ``prctl``)."""


def _die_with_parent(yes: bool) -> None:
    """A spare dies with the server, even when the server is killed and cannot stop it (Linux's
    PR_SET_PDEATHSIG); a command, once taken, runs to its end."""
    try:
        _libc.prctl(1, signal.SIGKILL if yes else 0, 0, 0, 0)  # type: ignore[attr-defined]  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class _Stop(Exception):
    """SIGTERM to the server: leave the loop."""


class Server:
    """The server's loop. A spare child, forked from the warm server ahead of time (the fork is
    not on any command's path), waits in ``accept``; the connection it takes is its command, and
    the server forks the next spare at once. Status and refusals are answered by the spare, which
    stays one. (Warming the spare once more, by a command of its own before it waits, made the
    command after it slower, 97 ms against 91; making its pages its own while it waits
    (MADV_POPULATE_WRITE) wrote numpy's and its BLAS's large buffers too, alongside the command
    before, and a served diff took 113 ms against 90 without it: neither is done.)"""

    def __init__(self, path: str, idle_timeout: float) -> None:
        self.path, self.idle_timeout = path, idle_timeout
        self.started = time.time()
        self.served = 0
        self.code = code_mark()
        self.mtimes: dict[str, float] = {}
        self.pid = os.getpid()

    def serve(self, listener: socket.socket) -> None:
        import ctypes
        import select

        global _libc
        try:
            _libc = ctypes.CDLL(None, use_errno=True)
        except OSError:
            _libc = None

        self.mtimes = _loaded_code()
        gc.collect()
        gc.freeze()  # the warm heap is never collected again: forked children leave its pages shared
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel

        def on_term(signum: int, _frame: object) -> None:
            raise _Stop()

        signal.signal(signal.SIGTERM, on_term)
        last = time.monotonic()
        spare: tuple[int, int] | None = None
        failures = 0
        try:
            while True:
                if spare is None:
                    spare = self._spare(listener)
                timeout = max(0.0, self.idle_timeout - (time.monotonic() - last)) if self.idle_timeout else None
                if not select.select([spare[1]], [], [], timeout)[0]:
                    return  # idle too long
                said = os.read(spare[1], 1)
                os.close(spare[1])
                spare = None
                if said == b"r":
                    self.served += 1
                    last, failures = time.monotonic(), 0
                elif said == b"s":
                    return
                else:  # the spare died before it took a command: another, but not forever
                    failures += 1
                    if failures >= 5:
                        return
                    time.sleep(0.1 * failures)
        except _Stop:
            pass
        finally:
            if spare is not None:
                self._end_spare(*spare)

    @staticmethod
    def _end_spare(pid: int, pipe: int) -> None:
        """Stop the spare, unless it has just taken a command (which then runs to its end)."""
        import select

        said = os.read(pipe, 1) if select.select([pipe], [], [], 0)[0] else b""
        os.close(pipe)
        if said != b"r":
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    def _spare(self, listener: socket.socket) -> tuple[int, int]:
        read, write = os.pipe()
        pid = os.fork()
        if pid:
            os.close(write)
            return pid, read
        os.close(read)
        code = 0
        try:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            # Ctrl-C passed on before the command sets its own handler: KeyboardInterrupt (not the
            # server's own handler, whose exception is the server command's)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            _die_with_parent(True)
            if os.getppid() != self.pid:  # the server died before the line above
                os._exit(0)
            while True:
                conn, _ = listener.accept()
                with conn:
                    conn.settimeout(10.0)  # a client that connects and says nothing does not hold the spare
                    try:
                        said = self._answer(conn, write)
                    except (OSError, ValueError, EOFError, TypeError):  # a broken request: the next one
                        continue
                    if said:
                        break
        except BaseException:  # noqa: BLE001 - a spare never returns into the server's loop
            code = 1
        keep_compiled()
        os._exit(code)

    def _answer(self, conn: socket.socket, parent: int) -> bool:
        """One request; True when this spare is done (it ran a command, or the server stops)."""
        if not same_user(conn):
            return False
        msg, fds, _, _ = socket.recv_fds(conn, 65536, 3)
        request = read_frame(conn, bytearray(msg))
        op = request.get("op") if isinstance(request, dict) else None
        if op == "status":
            conn.sendall(frame(("status", {"pid": self.pid, "socket": self.path, "started": self.started,
                                           "served": self.served, "code": list(self.code)})))
        elif op == "stop":
            # the answer before the word to the server: once the server is gone, so is this spare
            conn.sendall(frame(("stopping", self.pid)))
            os.write(parent, b"s")
            return True
        elif op == "run" and request.get("code") != self.code:  # marshal keeps tuples  # type: ignore[union-attr]
            conn.sendall(frame(("other",)))
        elif op == "run" and _changed(self.mtimes):
            conn.sendall(frame(("changed",)))
            os.write(parent, b"s")  # the code on disk is not the code here: step aside
            return True
        elif op == "run" and len(fds) == len(request.get("fds", ())):  # type: ignore[union-attr]
            _die_with_parent(False)  # a command taken runs to its end, whatever the server does
            os.write(parent, b"r")
            os.close(parent)
            try:
                code = _child(conn, request, fds)  # type: ignore[arg-type]
            except KeyboardInterrupt:  # Ctrl-C passed on before the command set its own handler
                code = _interrupted()
            except BaseException:  # noqa: BLE001 - whatever happened, the client hears the end
                code = 2
            try:
                conn.sendall(frame(("exit", code)))
            except KeyboardInterrupt:  # a second Ctrl-C while the end is told: told again
                conn.sendall(frame(("exit", code)))
            return True
        for fd in fds:
            os.close(fd)
        return False


_listener: socket.socket | None = None
_lock: int | None = None


def _interrupted() -> int:
    """What ``main`` says and returns for Ctrl-C, for one that came before it could."""
    try:
        os.write(2, b"plandiff: interrupted\n")  # the client's stderr from the moment it knows this process
    except OSError:
        pass
    return 130


def _child(conn: socket.socket, request: dict, fds: list[int]) -> int:
    """Become the client for one command: its streams, folder, environment and umask."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    if _listener is not None:
        _listener.close()
    if _lock is not None:
        os.close(_lock)  # the lock is the server's: a command still running does not keep it
    for fd, target in zip(fds, request["fds"], strict=True):
        os.dup2(fd, target)
    for target in {0, 1, 2} - set(request["fds"]):
        os.close(target)
    conn.sendall(frame(("pid", os.getpid())))
    conn.settimeout(None)
    streams = []
    for fd, enc, mode in zip((0, 1, 2), request.get("encoding") or (None,) * 3, "rww", strict=True):
        encoding, errors = enc if enc else ("utf-8", "strict" if fd < 2 else "backslashreplace")
        if fd not in request["fds"]:
            streams.append(None)
            continue
        raw = io.FileIO(fd, mode, closefd=False)
        buffered = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
        streams.append(io.TextIOWrapper(buffered, encoding=encoding, errors=errors,  # type: ignore[arg-type]
                                        line_buffering=fd == 2 or (fd == 1 and os.isatty(1)),
                                        write_through=fd == 2))
    sys.stdin, sys.stdout, sys.stderr = streams  # type: ignore[assignment]
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = streams  # type: ignore[misc]
    try:
        os.chdir(request["cwd"])
    except OSError as exc:
        sys.stderr.write(f"plandiff: cannot enter {request['cwd']}: {exc.strerror or exc}\n")
        return 2
    os.environ.clear()
    os.environ.update(request["env"])
    os.umask(request["umask"])
    # what the warm server worked out from its own environment is worked out again from the client's
    tempfile.tempdir = None  # TMPDIR
    time.tzset()  # TZ
    sys.argv = list(request["argv"])
    from . import main as command

    command.LEAVE_AT_ONCE = False  # the end is told to the client first (and the child leaves at once then)
    main = command.main

    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    for signum in (signal.SIGINT, signal.SIGTERM):  # the command is over: a late signal changes nothing
        signal.signal(signum, signal.SIG_IGN)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    # the client's streams let go of now: a reader of its output (a pipe, ``| less``) sees the end
    # when the client ends, not once this process has also given back its memory (the kernel frees
    # a process's memory before it closes its files)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    return code


def _ask(path: str, op: str) -> object | None:
    sock = connect(path)
    if sock is None:
        return None
    try:
        sock.sendall(frame({"op": op}))
        return read_frame(sock)
    except OSError:
        return None
    finally:
        sock.close()


def _status(path: str) -> dict | None:
    reply = _ask(path, "status")
    return reply[1] if isinstance(reply, tuple) and reply[0] == "status" else None


def _prepare(path: str) -> int:
    """The socket's folder (this user's only) and its lock, held while the server lives: a second
    server on the same socket is refused, and a socket left by a server that died is replaced."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        st = os.lstat(folder)
    except OSError as exc:
        raise UserError(f"cannot make the server's folder {folder}: {exc.strerror or exc}") from None
    if st.st_uid != os.getuid():
        raise UserError(f"{folder} belongs to another user: give the server a socket of your own (--socket)")
    lock = os.open(path + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        raise UserError(f"a server is already starting or running on {path}") from None
    return lock


def run_server(path: str, idle_timeout: float, ready: int | None = None) -> None:
    """Warm up, listen on ``path`` and serve until stopped, idle too long, or the code changes."""
    global _listener, _lock
    lock = _lock = _prepare(path)
    try:
        _warm()
        try:
            os.unlink(path)  # a socket left by a server that died (the lock says none runs)
        except FileNotFoundError:
            pass
        listener = _listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)
        try:
            listener.bind(path)
        finally:
            os.umask(old)
        listener.listen(64)
        if ready is not None:
            try:
                os.write(ready, marshal.dumps(os.getpid()))
            except OSError:  # nobody waits for the word (started beside a command)
                pass
            os.close(ready)
        loop = Server(path, idle_timeout)
        try:
            loop.serve(listener)
        finally:
            listener.close()
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
    finally:
        os.close(lock)


@click.group()
def server() -> None:
    """A warm server that runs plandiff commands faster (Linux): start it once, then use plandiff as usual."""


@server.command()
@click.option("--socket", "path", default=None, help="The socket to listen on (default: PLANDIFF_SOCKET, else a folder of your own).")
@click.option("--idle-timeout", type=float, default=IDLE_TIMEOUT, show_default=True,
              help="Stop after this many seconds without a command (0: never).")
@click.option("--foreground", is_flag=True, help="Stay in the foreground (for a service manager) instead of detaching.")
def start(path: str | None, idle_timeout: float, foreground: bool) -> None:
    """Start the server; commands use it from then on."""
    if not sys.platform.startswith("linux"):
        raise UserError("the server runs on Linux only; commands run as usual without it")
    path = path or socket_path()
    running = _status(path)
    if running:
        click.echo(f"plandiff server: already listening on {path} (pid {running['pid']})", err=True)
        return
    if foreground:
        click.echo(f"plandiff server: listening on {path} (pid {os.getpid()})", err=True)
        run_server(path, idle_timeout)
        return
    data = start_detached(path, idle_timeout, wait=True)
    if not data:
        raise UserError(f"the server did not start on {path} (is another one starting?)")
    click.echo(f"plandiff server: listening on {path} (pid {marshal.loads(data)})", err=True)


def start_detached(path: str, idle_timeout: float = IDLE_TIMEOUT, *, wait: bool) -> bytes:
    """Start a server in a process of its own session (it outlives the command that starts it).
    ``wait``: until it listens, and then its pid (marshalled; empty when it did not start)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the daemon's side: covered by the tests through its socket
        os.close(read)
        os.setsid()
        if os.fork():
            os._exit(0)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        code = 0
        try:
            run_server(path, idle_timeout, ready=write if wait else None)
        except BaseException:  # noqa: BLE001
            code = 1
        os._exit(code)
    os.close(write)
    os.waitpid(pid, 0)  # the first child leaves at once; the server is its child, in a session of its own
    if not wait:
        os.close(read)
        return b""
    with os.fdopen(read, "rb") as pipe:
        return pipe.read()


@server.command()
@click.option("--socket", "path", default=None, help="The server's socket (default: as for start).")
def stop(path: str | None) -> None:
    """Stop the server (commands then run on their own, as before)."""
    path = path or socket_path()
    reply = _ask(path, "stop")
    if not (isinstance(reply, tuple) and reply[0] == "stopping"):
        raise UserError(f"no server is listening on {path}")
    deadline = time.monotonic() + 10
    while os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.02)
    click.echo(f"plandiff server: stopped (pid {reply[1]})", err=True)


@server.command()
@click.option("--socket", "path", default=None, help="The server's socket (default: as for start).")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status(path: str | None, as_json: bool) -> None:
    """Whether a server is listening, since when, and how many commands it ran (exit 1: none)."""
    path = path or socket_path()
    info = _status(path)
    if info is None:
        raise _none(path)
    if as_json:
        from .common import to_json, write

        write(to_json(info), None)
    else:
        click.echo(f"listening on {info['socket']}: pid {info['pid']}, up {time.time() - info['started']:.0f} s, "
                   f"{info['served']} commands run")


def _none(path: str) -> UserError:
    err = UserError(f"no server is listening on {path}")
    err.exit_code = 1
    return err
