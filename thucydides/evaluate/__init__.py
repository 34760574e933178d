"""Stage 8, evaluate: score extracted events against hand-coded gold (seed.json's "scoring" rule).

    load_gold(path)            gold file or folder → [GoldItem]
    load_outputs(path)         extract JSONL       → [OutputArticle]
    run_extract_on_gold(items, settings)           → [ArticleResult], the real pipeline on gold texts
    score_gold(items, outputs)                     → ScoreReport (outputs: OutputArticle or ArticleResult)

Importing this package loads no model and no gazetteer.
"""

from thucydides.evaluate.gold import GoldEvent, GoldItem, GoldLocation, GoldPlace, NotCurrent, load_gold
from thucydides.evaluate.outputs import OutputArticle, OutputEvent, load_outputs, output_from_result
from thucydides.evaluate.report import ScoreReport
from thucydides.evaluate.run import run_extract_on_gold
from thucydides.evaluate.score import ArticleScore, score_article, score_gold

__all__ = [
    "ArticleScore",
    "GoldEvent",
    "GoldItem",
    "GoldLocation",
    "GoldPlace",
    "NotCurrent",
    "OutputArticle",
    "OutputEvent",
    "ScoreReport",
    "load_gold",
    "load_outputs",
    "output_from_result",
    "run_extract_on_gold",
    "score_article",
    "score_gold",
]
