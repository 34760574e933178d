"""Migration 0003: filters compare pre-folded, indexed columns, filled for rows stored before it."""

from __future__ import annotations

from pathlib import Path

from thucydides.store import EventFilter, Store
from thucydides.store.reader import filter_sql
from thucydides.store.schema import available_migrations, connect, migrate

_ROW = (
    "INSERT INTO events (id, family, status_class, event_type, sub_event_type, status, event_date, country_iso, "
    "country, admin1, admin2, actor1, actor2, data, created_at, updated_at) "
    "VALUES (?1, 'battle', 'current', ?2, 'Armed clash', 'reported', ?3, ?4, ?5, ?6, ?7, ?8, NULL, "
    "json_object('id', ?1, 'event_type', ?2, 'sub_event_type', 'Armed clash', 'status', 'reported'), "
    "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')"
)


def test_migration_folds_the_rows_stored_before_it(tmp_path: Path):
    path = tmp_path / "old.db"
    connection = connect(path)
    migrate(connection, available_migrations()[:2])  # a file written by the previous release
    connection.execute(_ROW, ("e1", "Battles", "2024-03-02", "CO", "Colômbia", "Cauca", "Popayán", "Frente Carlos Patiño"))
    connection.execute(_ROW, ("e2", "Riots", "2024-03-01", "PE", "Perú", "Cusco", "Cusco", "Ronderos"))
    connection.commit()
    connection.close()
    with Store.open(path) as store:  # migrates
        assert store.count_events(EventFilter(event_type="  battles ")) == 1
        assert store.count_events(EventFilter(country="colombia")) == 1
        assert store.count_events(EventFilter(country="co")) == 1
        assert store.count_events(EventFilter(admin2="POPAYAN")) == 1
        assert store.count_events(EventFilter(actor="patino")) == 1
        assert store.count_events(EventFilter(admin1="cusco", sub_event_type="armed clash")) == 1
        assert store.count_events(EventFilter(admin1="narino")) == 0


def test_filters_call_no_python_function_per_row():
    where, _ = filter_sql(
        EventFilter(country="Colombia", admin1="Cauca", admin2="x", event_type="Battles", sub_event_type="y", actor="z")
    )
    assert "fold(" not in where and "_folded" in where


def test_a_type_filter_uses_its_index(tmp_path: Path):
    with Store.open(tmp_path / "new.db") as store:
        where, params = filter_sql(EventFilter(event_type="Battles"))
        plan = " ".join(
            str(row[-1]) for row in store.connection.execute(f"EXPLAIN QUERY PLAN SELECT count(*) FROM events{where}", params)
        )
    assert "events_by_event_type" in plan
