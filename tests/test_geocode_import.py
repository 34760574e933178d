"""`thucydides gazetteer import` on tiny files written here in the GeoNames dump formats."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from thucydides.cli.main import main
from thucydides.errors import InputError
from thucydides.geocode import Gazetteer, Geocoder
from thucydides.geocode.geonames_dump import import_geonames

# geonameid, name, asciiname, alternatenames, lat, lon, feature class, feature code, country,
# cc2, admin1, admin2, admin3, admin4, population, elevation, dem, timezone, modification date
ROWS = [
    ("100", "Ruritania", "Ruritania", "Rurytania,Руритания", "45.0", "15.0", "A", "PCLI", "RT", "", "00", "", "", "", "5000000", "", "200", "Europe/Zagreb", "2020-01-01"),
    ("101", "Ostmark Province", "Ostmark Province", "", "45.5", "16.0", "A", "ADM1", "RT", "", "01", "", "", "", "900000", "", "150", "Europe/Zagreb", "2020-01-01"),
    ("102", "Zenda District", "Zenda District", "", "45.6", "16.2", "A", "ADM2", "RT", "", "01", "011", "", "", "0", "", "150", "Europe/Zagreb", "2020-01-01"),
    ("103", "Zenda", "Zenda", "Zendaburg", "45.61", "16.21", "P", "PPLA2", "RT", "", "01", "011", "", "", "42000", "", "140", "Europe/Zagreb", "2020-01-01"),
    ("104", "Strelsau", "Strelsau", "", "45.1", "15.1", "P", "PPLC", "RT", "", "02", "", "", "", "1200000", "", "120", "Europe/Zagreb", "2020-01-01"),
    ("105", "Westmark", "Westmark", "", "44.9", "14.5", "A", "ADM1", "RT", "", "02", "", "", "", "1500000", "", "100", "Europe/Zagreb", "2020-01-01"),
    ("106", "Zenda Hill", "Zenda Hill", "", "45.7", "16.3", "T", "HLL", "RT", "", "01", "011", "", "", "0", "", "300", "Europe/Zagreb", "2020-01-01"),
    ("107", "Zenda Parking", "Zenda Parking", "", "45.61", "16.22", "S", "PRK", "RT", "", "01", "011", "", "", "0", "", "140", "Europe/Zagreb", "2020-01-01"),
]
# alternateNameId, geonameid, isolanguage, alternate name, isPreferredName, isShortName,
# isColloquial, isHistoric, from, to
ALTERNATE = [
    ("1", "103", "en", "Tarlenheim", "", "", "", "1", "", ""),
    ("2", "103", "link", "https://en.wikipedia.org/wiki/Zenda", "", "", "", "", "", ""),
    ("3", "104", "de", "Strelsaw", "1", "", "", "", "", ""),
    ("4", "104", "ru", "Стрельзау", "", "", "", "", "", ""),
    ("5", "999", "en", "Nowhere Town", "", "", "", "", "", ""),
]


def write_tsv(path: Path, rows) -> Path:
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture()
def dumps(tmp_path: Path) -> dict[str, Path]:
    country = write_tsv(tmp_path / "RT.txt", ROWS)
    archive = tmp_path / "RT.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(country, "RT.txt")
        zf.writestr("readme.txt", "GeoNames readme\n")
    alternate = tmp_path / "alternateNamesV2.zip"
    with zipfile.ZipFile(alternate, "w") as zf:
        zf.writestr("alternateNamesV2.txt", "".join("\t".join(r) + "\n" for r in ALTERNATE))
        zf.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\n")
    admin1 = write_tsv(tmp_path / "admin1CodesASCII.txt", [("RT.01", "Ostmark", "Ostmark", "101"), ("RT.02", "Westmark", "Westmark", "105")])
    admin2 = write_tsv(tmp_path / "admin2Codes.txt", [("RT.01.011", "Zenda District", "Zenda District", "102")])
    return {"txt": country, "zip": archive, "alternate": alternate, "admin1": admin1, "admin2": admin2}


def test_import_builds_places_admin_chain_and_names(dumps, tmp_path):
    out = tmp_path / "rt.sqlite"
    counts = import_geonames(dumps["zip"], out, alternate_names=dumps["alternate"],
                             admin1_codes=dumps["admin1"], admin2_codes=dumps["admin2"])
    assert counts["places"] == 7  # the parking lot (class S) is not kept by default
    gazetteer = Gazetteer.open(out)
    zenda = gazetteer.entry(103)
    assert (zenda.feature, zenda.country_iso, zenda.country) == ("PPLA2", "RT", "Ruritania")
    assert (zenda.admin1_id, zenda.admin1, zenda.admin2_id, zenda.admin2) == (101, "Ostmark Province", 102, "Zenda District")
    assert gazetteer.entry(107) is None
    names = gazetteer.names(["zendaburg", "tarlenheim", "strelsaw", "nowhere town", "zenda"])
    assert {h.geonameid for h in names["zendaburg"]} == {103}  # from the dump's alternatenames column
    assert {h.geonameid for h in names["tarlenheim"]} == {103}  # a historic alternate name
    assert {h.geonameid for h in names["strelsaw"]} == {104}
    assert "nowhere town" not in names  # an alternate name of a place not imported
    assert {h.geonameid for h in names["zenda"]} == {103, 102}  # "Zenda District" is also "Zenda"
    assert not gazetteer.names(["https en wikipedia org wiki zenda"])  # links are not names
    assert gazetteer.meta["source"] == "geonames RT.zip"


def test_imported_index_serves_the_geocoder(dumps, tmp_path):
    out = tmp_path / "rt.sqlite"
    import_geonames(dumps["txt"], out, alternate_names=dumps["alternate"])
    geocoder = Geocoder(gazetteer=out)
    mentions = {m.text: m for m in geocoder.find_places("Rebels seized Zenda, 40 km from Strelsaw, in Ruritania.")}
    assert mentions["Zenda"].entry.geonameid == 103  # the town over its district: the namesake rule
    assert mentions["Strelsaw"].entry.geonameid == 104
    assert mentions["Ruritania"].entry.feature == "PCLI"
    # without admin code files the chain comes from the ADM rows of the dump itself
    assert mentions["Zenda"].entry.admin1 == "Ostmark Province"


def test_feature_classes_option(dumps, tmp_path):
    out = tmp_path / "p.sqlite"
    counts = import_geonames(dumps["txt"], out, feature_classes="AP")
    assert counts["places"] == 6
    assert Gazetteer.open(out).entry(106) is None


def test_malformed_line_names_the_file_and_line(tmp_path):
    bad = write_tsv(tmp_path / "bad.txt", [ROWS[0], ("not", "a", "row")])
    with pytest.raises(InputError, match=r"bad.txt line 2"):
        import_geonames(bad, tmp_path / "x.sqlite")
    assert not list(tmp_path.glob("x.sqlite*"))  # no partial index left behind


def test_cli_import_and_info(dumps, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("THUCYDIDES_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "cli.sqlite"
    code = main(["gazetteer", "import", "--all-countries", str(dumps["zip"]), "--alternate-names", str(dumps["alternate"]),
                 "--admin1", str(dumps["admin1"]), "--admin2", str(dumps["admin2"]), "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0 and "7 places" in printed and f"THUCYDIDES_GAZETTEER={out}" in printed
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT count(*) FROM place WHERE country_iso = 'RT'").fetchone()[0] == 7
    monkeypatch.setenv("THUCYDIDES_GAZETTEER", str(out))
    assert main(["gazetteer", "info"]) == 0
    assert "source geonames RT.zip" in capsys.readouterr().out


def test_cli_import_missing_file_is_one_error_line(tmp_path, capsys):
    code = main(["gazetteer", "import", "--all-countries", str(tmp_path / "allCountries.zip"), "--out", str(tmp_path / "o.sqlite")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and err[0].startswith("Error: ") and "allCountries.zip: no such file" in err[0]
