"""The cleaner on the development corpus (../shared/corpus/dev), against bench/gold/dev.

Every expected body paragraph of every dev-split page comes out unaltered, and no date
the pipeline marks `stated` is wrong. Skipped when the corpus is not beside the project.
The measure split is only scored by bench/dev_cleaning.py, in aggregate.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from build_archive.clean.lines import clean
from build_archive.clean.rules import load_cleaning_rules, load_outlets
from build_archive.common.textnorm import nfc
from build_archive.ingest.reader import read_seed

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import devgold  # noqa: E402

DEV = devgold.load("dev")
pytestmark = pytest.mark.skipif(not DEV, reason="../shared/corpus/dev is not beside this checkout")


@pytest.fixture(scope="module")
def cleaned():
    rules = load_cleaning_rules(ROOT / "data" / "cleaning.yml")
    outlets = load_outlets(ROOT / "data" / "outlets.yml")
    return {gold.name: clean(read_seed(gold.path, None), rules, outlets) for gold in DEV}


@pytest.mark.parametrize("gold", DEV, ids=lambda g: g.name)
def test_every_body_paragraph_kept_unaltered(cleaned, gold):
    body = [p.text for p in cleaned[gold.name].paragraphs]
    missing = [text for _, text in gold.paragraphs if nfc(text) not in body]
    assert not missing


@pytest.mark.parametrize("gold", DEV, ids=lambda g: g.name)
def test_no_wrong_stated_date(cleaned, gold):
    published = cleaned[gold.name].published
    if published.basis == "stated":
        assert (published.date, published.precision) == (gold.date, gold.precision), published.evidence


@pytest.mark.parametrize("gold", [g for g in DEV if g.title is None], ids=lambda g: g.name)
def test_untitled_page_gets_a_bracketed_guess_not_chrome(cleaned, gold):
    title = cleaned[gold.name].title
    chrome = {text for _, text in gold.removed_lines()}
    assert title.basis == "guessed" and title.value.startswith("[") and title.value.strip("[]…") not in chrome
    assert any("tiêu đề" in reason for reason in cleaned[gold.name].review_reasons)
