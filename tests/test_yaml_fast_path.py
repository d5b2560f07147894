"""Rule files are read with libyaml where PyYAML has it, and with the pure-Python parser otherwise (and
for anything the fast path cannot vouch for): both must give the same data, the same places, and the
same refusals."""
import random
from pathlib import Path

import pytest
import yaml

from ledgerlint.errors import RuleSetError
from ledgerlint.rulesets import yamlfiles

RULES = sorted((Path(__file__).parent.parent / "rules").rglob("*.yaml"))
pytestmark = pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="PyYAML built without libyaml")


def _slow(text):
    yamlfiles._loader_class()
    loader = yamlfiles._LOADER[0](text)
    loader.name, loader.source_lines = "f.yaml", text.split("\n")
    return loader.get_single_data()


def _outcome(read, text):
    try:
        return "data", _shape(read(text))
    except RuleSetError as exc:
        return "refused", exc.key
    except yaml.YAMLError:
        return "yaml error", None


def _fast(text):
    found = yamlfiles._fast_load(text, "f.yaml", text.split("\n"))
    if found is yamlfiles._SLOW:
        raise LookupError
    return found


def _shape(value):
    """The data with every mapping's places, and the type of every scalar (a Decimal stays a Decimal)."""
    if isinstance(value, dict):
        return ("map", value.line, value.column, value.lines, value.columns, value.marks,
                [(key, _shape(item)) for key, item in value.items()])
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return type(value).__name__, str(value)


@pytest.mark.parametrize("path", RULES, ids=lambda p: str(p.relative_to(p.parents[2])))
def test_every_shipped_rule_file_reads_the_same_with_libyaml(path):
    text = path.read_text(encoding="utf-8")
    fast = yamlfiles._fast_load(text, "f.yaml", text.split("\n"))
    assert fast is not yamlfiles._SLOW, "a shipped rule file should take the fast path"
    assert _shape(fast) == _shape(_slow(text))


def test_a_mistyped_rule_file_is_refused_or_read_alike_by_both_parsers():
    """Slips typed into the shipped files (a stray tab, "?", "!", a comment glued to ">-", a BOM, a
    deleted quote or bracket): where the fast path answers, it answers as the pure-Python parser does."""
    rng = random.Random(20261203)
    slips = list(":-'\"\t #&*[]{}|>，：1.\n 中\u00a0\x85\ufeff%!@`\r?,\u2028") + ["?", "{", "? "]
    texts = [p.read_text(encoding="utf-8")[:3000].rpartition("\n")[0] + "\n" for p in RULES]
    answered = 0
    for _ in range(600):
        text = rng.choice(texts)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text))
            slip = rng.choice(slips)
            text = rng.choice([text[:at] + slip + text[at:], text[:at] + text[at + 1:],
                               text[:at] + slip + text[at + 1:]])
        try:
            fast = _outcome(_fast, text)
        except LookupError:
            continue
        answered += 1
        assert fast == _outcome(_slow, text), text
    assert answered > 200      # the fast path is taken for most slips, so the comparison means something
