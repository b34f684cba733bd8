"""Fresh-eyes QA (session 13): a template saved from a to-be copy started maps nobody tracks.

Found on the team box: ``journeymap future 3`` then ``templates save 4 next.toml`` wrote
``state = "future"`` into the template, and every ``new --template next.toml`` made a
to-be design with no as-is map: marked "(to-be)", left out of ``tracker`` and never due
for the monthly review (``rules.live_maps``).  A template is a starting map, so a
workshop made from one is always live; the design's content comes along.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.export.future_copy import create_future_copy
from models.export.templates import create_from_template, save_template
from models.rules.live_maps import is_live


def test_a_map_started_from_a_saved_to_be_copy_is_live(tmp_path: Path) -> None:
    with Store(tmp_path / "team.db", who="lea") as store:
        as_is = int(store.create_workshop(title="Lockout", scenario="s").id or 0)
        to_be = store.load(create_future_copy(store, as_is))
        assert not is_live(to_be.workshop)
        path = save_template(to_be, tmp_path / "next.toml")
        made = store.load(create_from_template(store, str(path), persona="p", scenario="s2"))
        assert is_live(made.workshop) and made.workshop.as_is_workshop_id is None
        assert made.workshop.title == to_be.workshop.title


def test_a_hand_written_future_state_in_a_template_starts_a_live_map(tmp_path: Path) -> None:
    shipped = Path(__file__).parents[2] / "workshop_templates" / "blank.toml"
    text = shipped.read_text(encoding="utf-8")
    assert '\nstate = "current"\n' in text
    path = tmp_path / "designed.toml"
    path.write_text(text.replace('\nstate = "current"\n', '\nstate = "future"\n', 1),
                    encoding="utf-8")
    with Store(tmp_path / "team.db", who="lea") as store:
        made = store.load(create_from_template(store, str(path), persona="p", scenario="s"))
        assert is_live(made.workshop)
