"""Who runs this process and which logins this box has: what a role is bound to.

Apart from ``access`` (the role rules) so that the rules fit one file; ``access``
hands these on under their own names, and callers reach them there (the CLI tests
replace ``access.current_account`` and ``access.login_exists`` to act as another login).
"""

from __future__ import annotations

import os
import pwd


def current_account() -> str:
    """The OS login of this process, from the real uid (environment variables can lie)."""
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:  # no passwd entry (some containers): the uid is still an identity
        return f"uid{os.getuid()}"


def current_uid() -> int:
    """The real uid of this process: with the login, what a binding is checked against."""
    return os.getuid()


def login_uid(name: str) -> int | None:
    """The uid this box gives that login now (None: no such login), stored with a grant."""
    try:
        return pwd.getpwnam(name).pw_uid
    except (KeyError, ValueError):
        return None


def login_exists(name: str) -> bool:
    """Whether this box has an OS account of that login (a granted seat is bound to it)."""
    try:
        pwd.getpwnam(name)
    except (KeyError, ValueError):  # ValueError: a NUL in the name
        return False
    return True


def file_owner(path: str | os.PathLike[str]) -> str:
    """The login owning a file: the best guess for who created the workshops of an old file."""
    try:
        uid = os.stat(path).st_uid
    except OSError:
        return ""
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid{uid}"
