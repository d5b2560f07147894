"""The exceptions ledgerlint raises for input it cannot use. Each becomes one line and exit 2."""


class LedgerlintError(Exception):
    """Input that ledgerlint cannot use; carries the place (file, line, column) and a catalog message."""

    def __init__(self, key: str, /, *, file: str | None = None, line: int | None = None,
                 column: int | None = None, **params):
        super().__init__(key)
        self.key = key
        self.file = file
        self.line = line
        self.column = column
        self.params = params

    def __reduce__(self):
        # keep the place and the parameters when an error travels back from a worker process
        return (_rebuild, (type(self), self.key, self.file, self.line, self.column, self.params))

    def place(self) -> str:
        parts = [p for p in (self.file, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def render(self, lang: str = "zh") -> str:
        from ledgerlint.messages import t
        place = self.place()
        text = t(self.key, lang, **self.params)
        if "rule" in self.params and "field" in self.params:
            text = t("rule.prefix", lang, rule=self.params["rule"], field=self.params["field"]) + text
        return f"{place}: {text}" if place else text


class DisclosureError(LedgerlintError):
    """A disclosure file that cannot be read or parsed."""


class RuleSetError(LedgerlintError):
    """A rule set (folder, ruleset.yaml, rule file, expression) that cannot be loaded."""


def _rebuild(cls, key, file, line, column, params):
    return cls(key, file=file, line=line, column=column, **params)
