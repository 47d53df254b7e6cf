"""data/labels.yml: every value of the model's vocabularies has a label, and a bad file names its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_archive.common.errors import InputError
from build_archive.model.enums import LineRole, Precision
from build_archive.pages.labels import load_labels

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "data" / "labels.yml"


def test_the_labels_file_labels_every_value():
    labels = load_labels(LABELS)
    assert labels.precision[Precision.DAY] == "chính xác đến ngày"
    assert labels.entity_type["organization"] == "Tổ chức"  # a member equals its string
    assert set(labels.line_role) == set(LineRole)
    assert labels.metric["trade turnover"] == "kim ngạch thương mại"


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = LABELS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "labels.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_an_unknown_key_names_file_and_line(tmp_path):
    path = _edited(tmp_path, "  person: Người\n", "  person: Người\n  persn: Người\n")
    with pytest.raises(InputError) as info:
        load_labels(path)
    assert info.value.path == str(path) and info.value.line == _line_of(path, "persn:")
    assert "unknown key 'persn' in entity_type" in str(info.value)


def test_a_missing_label_names_its_section(tmp_path):
    path = _edited(tmp_path, "  image-alt: Chữ thay thế của ảnh\n", "")
    with pytest.raises(InputError) as info:
        load_labels(path)
    assert info.value.line == _line_of(path, "line_role:") + 1  # the section's mapping starts on its first key
    assert "line_role lacks a label for image-alt" in str(info.value)


def test_a_missing_section_and_a_label_that_is_not_text_are_refused(tmp_path):
    with pytest.raises(InputError, match="lacks the required field 'country'"):
        load_labels(_edited(tmp_path, "country:  # an entity's country code\n  VN: Việt Nam\n  LA: Lào\n", ""))
    with pytest.raises(InputError, match="the label of 'event' in entity_type must be text"):
        load_labels(_edited(tmp_path, "  event: Sự kiện\n", "  event: [Sự kiện]\n"))
