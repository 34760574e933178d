"""Starting inputs for the fuzz targets: small, valid examples of each input kind.

libFuzzer mutates these, so it starts from inputs that reach deep into the readers and the
pipeline instead of from nothing. They are written for the fuzzer (invented reports about
places and groups of several conflicts), not taken from any article. When a target runs without
a corpus folder, it writes these to a temporary one (``corpus_arguments``).
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

REPORT = (
    "Militants seize town in northern Mozambique\n\n"
    "Insurgents attacked the town of Macomia on Tuesday and took control of its police post, "
    "a local official told reporters. At least 12 civilians were killed, according to the "
    "district administrator. The army said on Wednesday it had recaptured the town."
)
HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Clashes in Kidal</title>"
    "<meta property='article:published_time' content='2023-03-04'></head><body><nav>Home | World</nav>"
    "<article><h1>Clashes in Kidal</h1><p>Armed men clashed with soldiers near Kidal on Saturday, "
    "killing three, a military spokesman said.</p><p>Residents fled towards Anefis.</p></article>"
    "<footer>Copyright</footer></body></html>"
)
RSS = (
    "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Wire</title>"
    "<item><title>Drone strike in Idlib</title><pubDate>Sat, 04 Mar 2023 10:00:00 GMT</pubDate>"
    "<description>&lt;p&gt;A drone strike hit a market in Idlib, killing five people, rescuers said.&lt;/p&gt;</description>"
    "<link>https://example.org/idlib</link></item>"
    "<item><title>Protest in Goma</title><description>Hundreds protested in Goma on Friday.</description></item>"
    "</channel></rss>"
)
ATOM = (
    "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Wire</title>"
    "<entry><title>Ambush near Gao</title><updated>2023-03-04T08:00:00Z</updated>"
    "<content type='html'>&lt;p&gt;Gunmen ambushed a convoy near Gao, killing 7 soldiers.&lt;/p&gt;</content></entry></feed>"
)
JSONL = (
    '{"id": "n1", "title": "Attack in Borno", "text": "Boko Haram fighters attacked Gwoza on Monday, residents said.", '
    '"published": "2023-03-06", "url": "https://example.org/n1", "source": "Wire"}\n'
    '{"html": "<p>Soldiers repelled an attack on Dikwa, the army said.</p>", "published": "Mon, 06 Mar 2023 09:00:00 GMT"}\n'
)

# the readers target: first byte picks the suffix (its index in fuzz_readers.SUFFIXES)
READER_SEEDS = {
    "text": b"\x00" + REPORT.encode(),
    "html": b"\x01" + HTML.encode(),
    "rss": b"\x02" + RSS.encode(),
    "atom": b"\x02" + ATOM.encode(),
    "jsonl": b"\x03" + JSONL.encode(),
    "stdin": b"\x04" + JSONL.encode(),
}

# the pipeline target: first byte picks how the rest becomes a text (fuzz_extract.MODES)
EXTRACT_SEEDS = {
    "raw": b"\x00" + REPORT.encode(),
    "template": b"\x01" + bytes(range(1, 120)),
    "bytes": b"\x02" + REPORT.encode("utf-16"),
}


def corpus_arguments(argv: list[str], seeds: dict[str, bytes]) -> list[str]:
    """``argv`` with a temporary corpus folder of ``seeds`` when it names no folder itself."""
    if any(not arg.startswith("-") and Path(arg).is_dir() for arg in argv[1:]):
        return argv
    folder = Path(tempfile.mkdtemp(prefix="thucydides-fuzz-corpus-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for name, data in seeds.items():
        (folder / name).write_bytes(data)
    return [*argv, str(folder)]


if __name__ == "__main__":  # write the seeds to a folder, to start a long fuzzing campaign from them
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "corpus")
    target.mkdir(parents=True, exist_ok=True)
    for name, data in {**{f"readers-{k}": v for k, v in READER_SEEDS.items()}, **{f"extract-{k}": v for k, v in EXTRACT_SEEDS.items()}}.items():
        (target / name).write_bytes(data)
