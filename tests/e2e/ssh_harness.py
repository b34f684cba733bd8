"""A throwaway OpenSSH server on loopback and tmux sessions, for end-to-end tests.

Why a real sshd: pairing is used as ``ssh -t teambox journeymap open``; only
a real server exercises the pseudo-terminal allocation, the TERM/locale a
remote command gets, and the missing environment of a non-login command.

Everything lives in a temporary folder: host key, client key,
``authorized_keys``, ``sshd_config``, the pid file.  The server runs in the
foreground (``sshd -D``) as a child process and is stopped by its PID; tmux
runs on a private socket (``tmux -L``) that is killed at the end, so nothing
of the machine's own sshd or tmux is touched.
"""

from __future__ import annotations

import getpass
import os
import shlex
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

SSHD_CANDIDATES = ("/usr/sbin/sshd", "/usr/local/sbin/sshd")
APT_PACKAGES = ("openssh-server", "openssh-client", "tmux")


def _sshd() -> str | None:
    found = shutil.which("sshd")
    if found:
        return found
    return next((p for p in SSHD_CANDIDATES if os.access(p, os.X_OK)), None)


def missing_tools() -> list[str]:
    tools = {"sshd": _sshd(), "ssh": shutil.which("ssh"),
             "ssh-keygen": shutil.which("ssh-keygen"), "tmux": shutil.which("tmux")}
    return [name for name, path in tools.items() if path is None]


def ensure_tools() -> str | None:
    """Install openssh-server/tmux with apt if missing (root only); the skip reason or None."""
    if not missing_tools():
        return None
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return f"missing {', '.join(missing_tools())} and cannot apt-get install as non-root"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", *APT_PACKAGES]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            return f"apt-get failed: {done.stderr.strip().splitlines()[-1:]}"
    left = missing_tools()
    return f"still missing after apt-get: {', '.join(left)}" if left else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(check: Callable[[], bool], timeout: float, interval: float = 0.1) -> bool:
    """Poll ``check`` until it is true or ``timeout`` passes (never a timed assert)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return check()


@dataclass
class SshServer:
    """A running ``sshd -D`` on 127.0.0.1:port that accepts only ``client_key``."""

    folder: Path
    port: int
    client_key: Path
    user: str
    process: subprocess.Popen[bytes]
    log: Path

    def command(self, remote: list[str], key: Path | None = None) -> list[str]:
        """The local ``ssh -tt`` argv that runs ``remote`` (quoted) on this server."""
        return ["ssh", "-tt", "-p", str(self.port), "-i", str(key or self.client_key),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
                f"{self.user}@127.0.0.1", shlex.join(remote)]

    def run(self, remote: list[str], timeout: float = 30) -> subprocess.CompletedProcess[str]:
        """Run a command over SSH without a terminal (for checks)."""
        argv = [a for a in self.command(remote) if a != "-tt"]
        return subprocess.run(argv, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)


def forced_key(server: SshServer, name: str, command: str,
               options: str = "restrict,pty") -> tuple[Path, str]:
    """A new key for ``name`` whose ``authorized_keys`` line forces ``command``.

    ``command`` may contain ``{fingerprint}``: it is filled in with the key's own
    SHA256 fingerprint, as an administrator copies it from ``ssh-keygen -lf``.
    Returns the private key and its fingerprint.
    """
    key = server.folder / f"{name}_ed25519"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)],
                   check=True, capture_output=True)
    listed = subprocess.run(["ssh-keygen", "-lf", str(key.with_suffix(".pub"))], check=True,
                            capture_output=True, text=True).stdout.split()
    fingerprint = listed[1]
    line = (f'command="{command.format(fingerprint=fingerprint)}",{options} '
            f"{key.with_suffix('.pub').read_text().strip()}\n")
    with (server.folder / "authorized_keys").open("a") as fh:
        fh.write(line)
    return key, fingerprint


def _config(folder: Path, port: int, host_key: Path, user: str) -> str:
    lines = [
        f"Port {port}", "ListenAddress 127.0.0.1", f"HostKey {host_key}",
        f"PidFile {folder / 'sshd.pid'}", f"AuthorizedKeysFile {folder / 'authorized_keys'}",
        "StrictModes no",  # the keys live under /tmp, not in a 0700 ~/.ssh
        "UsePAM no", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
        "PubkeyAuthentication yes", "PermitUserEnvironment no", "X11Forwarding no",
        "AllowTcpForwarding no", "LogLevel ERROR", f"AllowUsers {user}",
        "PermitRootLogin yes" if user == "root" else "PermitRootLogin no",
    ]
    return "\n".join(lines) + "\n"


@contextmanager
def ssh_server(folder: Path, timeout: float = 20) -> Iterator[SshServer]:
    """Start a private sshd for the current user; stop it by PID on exit."""
    sshd = _sshd()
    if sshd is None:
        raise RuntimeError("sshd is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    host_key, client_key = folder / "host_ed25519", folder / "client_ed25519"
    for key in (host_key, client_key):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)],
                       check=True, capture_output=True)
    (folder / "authorized_keys").write_text(client_key.with_suffix(".pub").read_text())
    Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # privilege separation dir
    user = getpass.getuser()
    port = free_port()
    config = folder / "sshd_config"
    config.write_text(_config(folder, port, host_key, user))
    log = folder / "sshd.log"
    check = subprocess.run([sshd, "-t", "-f", str(config)], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"sshd rejected its test config: {check.stderr.strip()}")
    with log.open("wb") as log_fh:
        process = subprocess.Popen([sshd, "-D", "-e", "-f", str(config)], stdout=log_fh,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = SshServer(folder, port, client_key, user, process, log)
    try:
        def up() -> bool:
            if process.poll() is not None:
                return True
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return True
            except OSError:
                return False

        wait_until(up, timeout)
        if process.poll() is not None:
            raise RuntimeError(f"sshd exited: {log.read_text(errors='replace')[-500:]}")
        yield server
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@dataclass
class Tmux:
    """tmux on a private socket: sessions, keys, screen captures."""

    socket_name: str = field(default_factory=lambda: f"jm-test-{os.getpid()}-{time.time_ns()}")

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket_name, *args], capture_output=True,
                              text=True, check=check, timeout=30)

    def new_session(self, name: str, argv: list[str], width: int = 100,
                    height: int = 30) -> None:
        env = "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 "
        self._run("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height),
                  env + shlex.join(argv))
        self._run("set-option", "-t", name, "remain-on-exit", "on", check=False)

    def send(self, name: str, *keys: str) -> None:
        self._run("send-keys", "-t", name, *keys)

    def type(self, name: str, text: str) -> None:
        self._run("send-keys", "-t", name, "-l", text)

    def capture(self, name: str) -> str:
        done = self._run("capture-pane", "-p", "-t", name, check=False)
        return done.stdout

    def wait_for(self, name: str, needle: str, timeout: float = 30) -> bool:
        return wait_until(lambda: needle in self.capture(name), timeout, interval=0.2)

    def settle(self, name: str, timeout: float = 20, quiet: float = 1.0) -> str:
        """The screen once it stopped changing for ``quiet`` seconds (start-up finished)."""
        last = [self.capture(name), time.monotonic()]

        def still() -> bool:
            now = self.capture(name)
            if now != last[0]:
                last[:] = [now, time.monotonic()]
            return time.monotonic() - float(last[1]) >= quiet

        wait_until(still, timeout, interval=0.2)
        return str(last[0])

    def alive(self, name: str) -> bool:
        """False once the program in the pane exited (``remain-on-exit`` keeps the pane)."""
        done = self._run("display-message", "-p", "-t", name, "#{pane_dead}", check=False)
        return done.returncode == 0 and done.stdout.strip() == "0"

    def kill(self) -> None:
        self._run("kill-server", check=False)


def remote_env() -> list[str]:
    """Set a UTF-8 locale and a colour TERM for the remote command (ssh passes little)."""
    return ["env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color"]
