"""Fuzz target: the whole pipeline, ``process_article(read_text_article(text))``.

    .venv/bin/python fuzz/fuzz_extract.py -runs=300             # a bounded run
    .venv/bin/python fuzz/fuzz_extract.py -max_total_time=3600 -timeout=60 corpus/

The first byte of each input picks how the rest becomes a report's text:

- ``raw``: the bytes as UTF-8 text (invalid sequences replaced), as a hostile page would send;
- ``template``: conflict-like sentences (attacks, deaths, claims, denials, seizures) whose
  names, numbers, dates and joining characters come from the input — names in any script,
  right-to-left marks, combining characters, NUL and control characters, huge numbers;
- ``bytes``: the bytes through the .txt reader's decoder (BOMs, UTF-16, NUL refusal).

``read_text_article`` may refuse a text with an InputError (empty, binary); anything it accepts
must go through the parse, the geocoder and the extractor without an exception, and the result
must keep the output contract (``invariants.check_result``). spaCy and the gazetteer are loaded
once, before fuzzing starts; only Thucydides' own modules are instrumented for coverage.
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

with atheris.instrument_imports(include=["thucydides"]):
    import importlib
    import pkgutil

    from thucydides import extract, geocode, ingest, pipeline
    from thucydides.errors import InputError
    from thucydides.ingest import read_text_article
    from thucydides.ingest.decode import decode_text

    # the stages import their modules lazily: import them here, so that they are instrumented
    for package in (extract, geocode, ingest):
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)

import invariants
import seeds

MODES = ("raw", "template", "bytes")
PUBLISHED = dt.date(2023, 3, 5)
# longest text made from one input: libFuzzer's inputs are at most a few KB anyway
MAX_CHARS = 20_000

TEMPLATES = (
    "{actor} fighters attacked {place} on {weekday}, killing {number} {victims}, {speaker} said.",
    "At least {number} people were killed when a {weapon} hit a market in {place} on {date}.",
    "The army said it had recaptured {place} district from {actor} after {number} days of fighting.",
    "{actor} denied reports that its men had seized {place}, {speaker} told {outlet}.",
    "{actor} claimed responsibility for the {weapon} attack near {place}, which wounded {number}.",
    "Hundreds of {victims} protested in {place} on {weekday} against {actor}.",
    "{speaker}, a spokesman for {actor}, said {number} of its members had been abducted in {place} last week.",
    "Residents of {place} fled as {actor} and government forces clashed for {number} hours.",
)
SLOTS = ("actor", "place", "weekday", "number", "victims", "speaker", "weapon", "date", "outlet")
WORDS = {
    "actor": ("Al-Shabaab", "ISWAP", "the M23", "JNIM", "Ansar Allah", "the RSF", "unidentified gunmen", "Wagner Group"),
    "place": ("Kismayo", "Beni", "Gao", "Marib", "Cabo Delgado", "El Fasher", "Maiduguri", "Bakhmut", "Khartoum North"),
    "weekday": ("Monday", "Friday", "Sunday night", "early on Tuesday"),
    "victims": ("civilians", "soldiers", "police officers", "villagers", "students"),
    "speaker": ("a local official", "the governor", "a military spokesman", "witnesses", "the ministry"),
    "weapon": ("drone", "car bomb", "mortar shell", "roadside bomb", "air strike"),
    "date": ("3 March", "March 3, 2023", "Thursday", "the previous day"),
    "outlet": ("Reuters", "a local radio station", "AFP", "state television"),
}
# characters that break naive text handling: bidi controls, combining marks, zero-width, NUL…
ODD = (
    "\u202e", "\u202d", "\u200f", "\u200e", "\u2067", "\u2069", "\u0301", "\u0308", "\u0654", "\u20dd",
    "\u200b", "\u200d", "\ufeff", "\x00", "\x0b", "\x1b", "\u2028", "\u2029", "\r", "\t", "\ufffd",
    "\u0627\u0644\u0631\u0642\u0629", "\u05e2\u05d6\u05d4", "\U0001f4a5", "\u0d15\u0d4d\u0d37", "\uff21",
)


def _word(provider: atheris.FuzzedDataProvider, slot: str) -> str:
    choice = provider.ConsumeIntInRange(0, 3)
    if choice == 0:
        return provider.PickValueInList(list(WORDS.get(slot, ("someone",))))
    if choice == 1:  # a name in any script
        return provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(1, 24)) or "x"
    if choice == 2:
        return provider.PickValueInList(list(WORDS.get(slot, ("someone",)))) + provider.PickValueInList(list(ODD))
    number = provider.ConsumeIntInRange(0, 10**15)
    return provider.PickValueInList([str(number), f"{number:,}", f"{number / 7:.2f}", "dozens", "two", "-" + str(number)])


def template_text(provider: atheris.FuzzedDataProvider) -> str:
    parts = [provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(0, 60)) + "\n\n"]
    for _ in range(provider.ConsumeIntInRange(1, 12)):
        template = provider.PickValueInList(list(TEMPLATES))
        parts.append(template.format(**{slot: _word(provider, slot) for slot in SLOTS}))
        parts.append(provider.PickValueInList([" ", "\n", "\n\n", " ", provider.PickValueInList(list(ODD))]))
    return "".join(parts)


def text_of(data: bytes) -> str | None:
    mode = MODES[data[0] % len(MODES)] if data else "raw"
    body = data[1:]
    if mode == "raw":
        return body.decode("utf-8", errors="replace")[:MAX_CHARS]
    if mode == "template":
        return template_text(atheris.FuzzedDataProvider(body))[:MAX_CHARS]
    try:
        return decode_text("fuzz.txt", body)[:MAX_CHARS]
    except InputError:
        return None


def test_one_input(data: bytes) -> None:
    text = text_of(data)
    if text is None:
        return
    try:
        article = read_text_article(text, published=PUBLISHED, origin="fuzz.txt")
    except InputError as error:
        assert error.source == "fuzz.txt" and "\n" not in str(error), str(error)
        return
    invariants.check_article(article)
    result = pipeline.process_article(article)
    invariants.check_result(result, article)


def main() -> None:
    # load spaCy and the gazetteer, and run each seed once, before libFuzzer's clock starts
    for data in seeds.EXTRACT_SEEDS.values():
        test_one_input(data)
    atheris.Setup(seeds.corpus_arguments(sys.argv, seeds.EXTRACT_SEEDS), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
