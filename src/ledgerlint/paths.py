"""JSON paths as tuples of keys and indexes, and their display form 一般公共预算财政拨款支出决算.类[1].决算."""

Path = tuple  # of str | int


def format_path(path: Path) -> str:
    out = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            out.append(("." if out else "") + part)
    return "".join(out) or "(文档)"


def parse_path(text: str) -> Path:
    """Inverse of format_path for the simple form a.b[0].c (keys without dots or brackets)."""
    parts: list = []
    for chunk in text.split("."):
        while "[" in chunk:
            head, _, rest = chunk.partition("[")
            if head:
                parts.append(head)
            index, _, chunk = rest.partition("]")
            parts.append(int(index))
        if chunk:
            parts.append(chunk)
    return tuple(parts)


def value_at(data, path, missing=None):
    """The value at `path` (keys and list indexes) inside `data`, or `missing` where the path leads nowhere."""
    for key in path:
        if isinstance(data, dict) and key in data:
            data = data[key]
        elif isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data):
            data = data[key]
        else:
            return missing
    return data
