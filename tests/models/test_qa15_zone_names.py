"""Fresh-eyes QA (session 13): zone names the ticket engine cannot use were taken.

Found on the team box: ``tickets hours 1 --tz Factory`` (also ``localtime``) was stored,
and from then on every ``tickets import -w 1`` said "unexpected error: ComputeError:
unable to parse time zone: 'Factory'"; ``--zone Factory``, ``--zone posixrules`` and
``--zone right/UTC`` the same.  A 5,000-letter ``--zone`` or ``--tz`` printed "[Errno 36]
File name too long: '…/site-packages/tzdata/zoneinfo/AAAA…'".  ``zoneinfo`` opens any
file under the zone folders; a zone a person gives is now one of the IANA names the
zone database lists (``zoneinfo.available_timezones``) that the engine reads, else
ValueError in one sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.tickets.zones import header_zone, typed_zone, zone_info
from tests.helpers import run_cli

REFUSED = ["Factory", "localtime", "posixrules", "right/UTC", "posix/Europe/Berlin",
           "A" * 5000, "Europe/" + "B" * 300]


@pytest.mark.parametrize("name", REFUSED, ids=lambda name: name[:24])
def test_a_name_the_engine_cannot_use_is_refused_in_one_sentence(name: str) -> None:
    with pytest.raises(ValueError, match="is not an IANA name such as Europe/Berlin"):
        typed_zone(name)
    assert header_zone(f"Created ({name})") is None


@pytest.mark.parametrize("name", ["Europe/Berlin", "America/New_York", "UTC", "EST5EDT",
                                  "Etc/GMT-14", "Asia/Calcutta"])
def test_iana_names_still_work(name: str) -> None:
    assert typed_zone(name) == name and str(zone_info(name)) == name


def test_a_stored_zone_too_long_for_a_file_name_is_one_sentence() -> None:
    with pytest.raises(ValueError, match="is not an IANA name"):
        zone_info("A" * 5000)


@pytest.mark.parametrize("name", ["Factory", "A" * 5000], ids=["Factory", "5000 letters"])
def test_business_hours_refuse_it_and_keep_what_was_there(tmp_path: Path, name: str) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = str(store.create_workshop(title="T").id)
    assert run_cli(db, "tickets", "hours", wid, "--tz", "Europe/Berlin")[0] == 0
    code, out, err = run_cli(db, "tickets", "hours", wid, "--tz", name)
    assert code == 1 and err.count("\n") == 1, err
    assert "site-packages" not in err and "Errno" not in err
    assert "Europe/Berlin" in run_cli(db, "tickets", "hours", wid)[1]
