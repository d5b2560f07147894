"""Readers of the published document's sections (issue 10, in progress): each takes the sentences of one
section (doctext.Sentence, normalised) and returns the section's object in the schema's shape, the
provenance of every figure (path → line and sentence) and the sentences with figures it did not use."""
from dataclasses import dataclass, field


@dataclass
class Reading:
    value: dict = field(default_factory=dict)
    provenance: dict = field(default_factory=dict)    # "a.b.c" → (line, sentence text)
    unused: list = field(default_factory=list)        # sentences with figures that no pattern placed

    def put(self, path: tuple, value, sentence) -> None:
        node = self.value
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
        self.provenance[".".join(path)] = (sentence.line, sentence.text)
