"""``plandiff server``: a real server process on a socket of the test's own, real commands sent to it
through the ``plandiff`` entry point, and their results compared with the same commands run in
the process (``PLANDIFF_SERVER=off``)."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
A, B = FIXTURES / "tth-2024.txt", FIXTURES / "hue-2026.txt"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the server runs on Linux")


def _env(sock: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PLANDIFF_SERVER", "PLANDIFF_SOCKET")}
    env.update(PLANDIFF_SOCKET=sock, **extra)
    return env


COMMAND = Path(tempfile.mkdtemp(prefix="pd-bin-")) / "plandiff"
atexit.register(shutil.rmtree, COMMAND.parent, True)
COMMAND.write_text("import sys\nfrom plandiff_cli.launch import main\nsys.exit(main())\n", encoding="utf-8")
"""The command as pip installs it: a script whose folder, not the caller's, is first on the import
path (``python -m`` would put the caller's folder there, and a server serves only clients that
import from where it does)."""


def command(*args: str) -> list[str]:
    return [sys.executable, str(COMMAND), *args]


def plandiff(sock: str, *args: str, served: bool = True, env: dict[str, str] | None = None,
             **kw: object) -> subprocess.CompletedProcess[bytes]:
    """The command, asking the server unless ``served`` is False."""
    run_env = env if env is not None else _env(sock)
    if not served:
        run_env = {**run_env, "PLANDIFF_SERVER": "off"}
    return subprocess.run(command(*args), env=run_env, capture_output=True, timeout=120, **kw)  # type: ignore[call-overload]


def status(sock: str, env: dict[str, str] | None = None) -> dict | None:
    done = plandiff(sock, "server", "status", "--json", env=env)
    return json.loads(done.stdout) if done.returncode == 0 else None


@pytest.fixture
def sock() -> Iterator[str]:
    """A started server's socket (a short path: a Unix socket's name is at most 107 bytes)."""
    folder = tempfile.mkdtemp(prefix="pds-")
    path = os.path.join(folder, "s.sock")
    done = plandiff(path, "server", "start")
    assert done.returncode == 0, done.stderr
    assert b"listening on" in done.stderr
    yield path
    info = status(path)
    plandiff(path, "server", "stop")
    if info and _alive(info["pid"]):
        os.kill(info["pid"], signal.SIGKILL)
    shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for a parent that does not reap it, as in some containers, is not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _served(sock: str) -> int:
    info = status(sock)
    assert info is not None
    return int(info["served"])


def test_a_served_diff_writes_the_same_report_as_one_run_here(sock: str, tmp_path: Path) -> None:
    before = _served(sock)
    there = plandiff(sock, "diff", str(A), str(B), "-o", str(tmp_path / "served.html"))
    assert _served(sock) == before + 1  # the server ran it
    # from another folder too (relative names are the client's: see below)
    assert plandiff(sock, "cite", A.name, cwd=FIXTURES).returncode == 0
    assert _served(sock) == before + 2
    here = plandiff(sock, "diff", str(A), str(B), "-o", str(tmp_path / "here.html"), served=False)
    assert _served(sock) == before + 2  # and PLANDIFF_SERVER=off kept it away
    assert there.returncode == here.returncode == 0
    assert (tmp_path / "served.html").read_bytes() == (tmp_path / "here.html").read_bytes()
    assert there.stderr.replace(b"served.html", b"here.html") == here.stderr
    assert b"<table" in (tmp_path / "served.html").read_bytes()
    # the server works comparisons in arrays from a few dozen clauses (it keeps numpy loaded), a
    # command on its own in dicts: the same report, for two authorities' plans and field documents
    for x, y in ((FIXTURES / "anlao-2024.txt", FIXTURES / "hungyen-2024.txt"),
                 (FIXTURES / "field" / "bacninh-ktso-2025.md", FIXTURES / "field" / "hanoi-5giot-2025.md")):
        for served, name in ((True, "s.json"), (False, "h.json")):
            assert plandiff(sock, "diff", str(x), str(y), "-o", str(tmp_path / name), served=served).returncode == 0
        assert (tmp_path / "s.json").read_bytes() == (tmp_path / "h.json").read_bytes()
    assert _served(sock) == before + 4


def test_a_served_command_has_the_clients_streams_folder_and_exit_status(sock: str) -> None:
    # relative names are the client's folder's; standard input and output are the client's own
    there = plandiff(sock, "parse", "-", "--json", input=A.read_bytes(), cwd=FIXTURES)
    here = plandiff(sock, "parse", "-", "--json", input=A.read_bytes(), cwd=FIXTURES, served=False)
    assert there.returncode == 0 and there.stdout == here.stdout
    assert json.loads(there.stdout)["clauses"]
    rel = plandiff(sock, "cite", A.name, "--json", cwd=FIXTURES)
    assert rel.returncode == 0 and rel.stdout == plandiff(sock, "cite", str(A), "--json", served=False).stdout
    # diff's --exit-code: 1 when the plans differ, 0 when not
    assert plandiff(sock, "diff", str(A), str(B), "--format", "json", "--exit-code").returncode == 1
    assert plandiff(sock, "diff", str(A), str(A), "--format", "json", "--exit-code").returncode == 0
    # bad input: the same one line and status 2 as in the process
    missing = plandiff(sock, "diff", str(A), "no-such-plan.txt", cwd=FIXTURES)
    alone = plandiff(sock, "diff", str(A), "no-such-plan.txt", cwd=FIXTURES, served=False)
    assert missing.returncode == alone.returncode == 2
    assert missing.stderr == alone.stderr and missing.stderr.count(b"\n") == 1
    assert missing.stderr.startswith(b"plandiff: ")


def test_a_served_command_has_the_clients_environment_and_umask(sock: str, tmp_path: Path) -> None:
    # the corpus a corpus:ID comes from is named by the client's PLANDIFF_DB
    db = tmp_path / "elsewhere.sqlite"
    done = plandiff(sock, "diff", "corpus:1", str(A), env=_env(sock, PLANDIFF_DB=str(db)))
    assert done.returncode == 2 and str(db).encode() in done.stderr
    # files are created with the client's umask
    out = tmp_path / "private.json"
    done = plandiff(sock, "parse", str(A), "--json", "-o", str(out), preexec_fn=lambda: os.umask(0o077))
    assert done.returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    out2 = tmp_path / "shared.json"
    plandiff(sock, "parse", str(A), "--json", "-o", str(out2), preexec_fn=lambda: os.umask(0o022))
    assert stat.S_IMODE(out2.stat().st_mode) == 0o644


def test_ctrl_c_reaches_the_served_command_and_commands_run_side_by_side(sock: str) -> None:
    before = _served(sock)
    # a command that waits on its standard input, which the test holds open
    waiting = subprocess.Popen(command("parse", "-"), env=_env(sock),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while _served(sock) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _served(sock) == before + 1
    # while it waits, another command is served
    other = plandiff(sock, "parse", str(A))
    assert other.returncode == 0 and other.stdout
    assert _served(sock) == before + 2
    waiting.send_signal(signal.SIGINT)
    # its input stays open, as a terminal's does after Ctrl-C (closed at once, its end could reach
    # the command before the signal the client passes on)
    assert waiting.wait(timeout=30) == 130
    _, err = waiting.communicate(timeout=30)
    assert err == b"plandiff: interrupted\n"


def test_a_command_from_a_removed_folder_runs_on_its_own(sock: str, tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    before = _served(sock)
    done = plandiff(sock, "parse", str(A), cwd=gone, preexec_fn=lambda: os.rmdir(gone))
    assert done.returncode == 0 and done.stdout and not done.stderr
    assert _served(sock) == before


def test_many_commands_at_once_are_each_served_once(sock: str) -> None:
    before = _served(sock)
    alone = plandiff(sock, "parse", str(A), "--json", served=False)
    burst = [subprocess.Popen(command("parse", str(A), "--json"), env=_env(sock), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(6)]
    results = [p.communicate(timeout=120) for p in burst]
    assert [p.returncode for p in burst] == [0] * 6
    assert all(out == alone.stdout and not err for out, err in results)
    assert _served(sock) == before + 6


def test_start_twice_stop_and_status(sock: str) -> None:
    info = status(sock)
    assert info is not None and info["socket"] == sock and _alive(info["pid"])
    # the socket and its folder are the user's only
    assert stat.S_IMODE(os.stat(sock).st_mode) & 0o077 == 0
    assert stat.S_IMODE(os.stat(os.path.dirname(sock)).st_mode) & 0o077 == 0
    again = plandiff(sock, "server", "start")
    assert again.returncode == 0 and f"already listening on {sock}".encode() in again.stderr
    assert status(sock)["pid"] == info["pid"]  # type: ignore[index]
    stopped = plandiff(sock, "server", "stop")
    assert stopped.returncode == 0
    assert not os.path.exists(sock)
    deadline = time.monotonic() + 10
    while _alive(info["pid"]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(info["pid"])
    none = plandiff(sock, "server", "status")
    assert none.returncode == 1 and none.stderr == f"plandiff: no server is listening on {sock}\n".encode()
    assert plandiff(sock, "server", "stop").returncode == 2
    # with no server, commands run as they always did
    assert plandiff(sock, "parse", str(A)).returncode == 0


def test_stop_is_answered_every_time() -> None:
    """The spare that takes a stop answers before the server goes (and takes its spare along)."""
    folder = tempfile.mkdtemp(prefix="pds-")
    path = os.path.join(folder, "s.sock")
    try:
        for _ in range(8):
            assert plandiff(path, "server", "start").returncode == 0
            stopped = plandiff(path, "server", "stop")
            assert stopped.returncode == 0, stopped.stderr
    finally:
        if status(path):
            plandiff(path, "server", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def test_with_plandiff_server_auto_the_first_command_starts_a_server_for_the_next() -> None:
    folder = tempfile.mkdtemp(prefix="pds-")
    path = os.path.join(folder, "s.sock")
    auto = _env(path, PLANDIFF_SERVER="auto")
    try:
        first = plandiff(path, "parse", str(A), env=auto)
        assert first.returncode == 0 and first.stdout and not first.stderr  # run here, as before
        deadline = time.monotonic() + 30
        while status(path) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert status(path) is not None and status(path)["served"] == 0  # type: ignore[index]
        second = plandiff(path, "parse", str(A), env=auto)
        assert second.returncode == 0 and second.stdout == first.stdout
        assert status(path)["served"] == 1  # type: ignore[index]
        # without auto, a command that finds no server starts none
        plandiff(path, "server", "stop")
        assert plandiff(path, "parse", str(A)).returncode == 0
        time.sleep(0.5)
        assert status(path) is None
    finally:
        if status(path):
            plandiff(path, "server", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def test_an_idle_server_stops_by_itself(tmp_path: Path) -> None:
    folder = tempfile.mkdtemp(prefix="pds-")
    path = os.path.join(folder, "s.sock")
    try:
        assert plandiff(path, "server", "start", "--idle-timeout", "1").returncode == 0
        pid = status(path)["pid"]  # type: ignore[index]
        deadline = time.monotonic() + 30
        while os.path.exists(path) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not os.path.exists(path)
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(pid)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_server_of_other_code_is_not_used_and_one_whose_code_changed_stops(tmp_path: Path) -> None:
    """A copy of the package (another installation) serves only its own clients; when a file of its
    code changes on disk, it refuses and stops, and the command runs in the client instead."""
    copy = tmp_path / "install"
    shutil.copytree(ROOT / "plandiff", copy / "plandiff", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "cli", copy / "plandiff_cli", ignore=shutil.ignore_patterns("__pycache__"))
    folder = tempfile.mkdtemp(prefix="pds-")
    path = os.path.join(folder, "s.sock")
    env = _env(path, PYTHONPATH=str(copy))
    try:
        assert plandiff(path, "server", "start", env=env).returncode == 0
        info = status(path, env)
        assert info is not None and info["code"][2] == str(copy / "plandiff_cli")
        # this checkout's client: another installation, so the command runs in the client
        done = plandiff(path, "parse", str(A))
        assert done.returncode == 0 and done.stdout
        assert status(path, env)["served"] == 0  # type: ignore[index]
        # the copy's client is served
        assert plandiff(path, "parse", str(A), env=env).returncode == 0
        assert status(path, env)["served"] == 1  # type: ignore[index]
        # a file of the copy changes: the next command runs in the client, and the server stops
        module = copy / "plandiff" / "model.py"
        module.write_text(module.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        done = plandiff(path, "parse", str(A), env=env)
        assert done.returncode == 0 and done.stdout
        deadline = time.monotonic() + 10
        while os.path.exists(path) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not os.path.exists(path)
        assert not _alive(info["pid"]) or _wait_gone(info["pid"])
    finally:
        if os.path.exists(path):
            plandiff(path, "server", "stop", env=env)
        shutil.rmtree(folder, ignore_errors=True)


def _wait_gone(pid: int) -> bool:
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _alive(pid)


def test_a_broken_request_does_not_stop_the_server(sock: str) -> None:
    import socket

    for junk in (b"", b"\x00\x00\x00\x05hello", b"\x00\x00\x00\x02\xff\xff", os.urandom(64)):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.connect(sock)
            s.sendall(junk)
            s.shutdown(socket.SHUT_WR)
            s.settimeout(15)
            try:
                s.recv(100)
            except OSError:
                pass
    before = _served(sock)
    done = plandiff(sock, "parse", str(A))
    assert done.returncode == 0 and done.stdout
    assert _served(sock) == before + 1


def test_a_killed_server_takes_its_spare_along_and_a_new_one_starts(sock: str) -> None:
    info = status(sock)
    assert info is not None
    spares = _children(info["pid"])
    assert spares  # the one waiting for the next command
    os.kill(info["pid"], signal.SIGKILL)
    assert _wait_gone(info["pid"])
    assert all(_wait_gone(pid) for pid in spares)
    # the socket it left answers nobody: commands run on their own, and a new server replaces it
    assert os.path.exists(sock) and status(sock) is None
    assert plandiff(sock, "parse", str(A)).returncode == 0
    started = plandiff(sock, "server", "start")
    assert started.returncode == 0 and b"listening on" in started.stderr
    assert status(sock)["pid"] != info["pid"]  # type: ignore[index]


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []
