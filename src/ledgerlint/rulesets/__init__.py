"""Rule sets as files: YAML read within bounds (yamlfiles), a folder per year with its schema (ruleset,
schemas), which set applies (selection), compiled sets kept between runs (cache), and the maintainers'
tools: lint, rule-test cases, diff, catalog, a folder of one's own (initfolder)."""
from pathlib import Path as FsPath

# the package's own folder, where the rule-file schema and the shipped rules (rules/) are installed
PACKAGE_DIR = FsPath(__file__).resolve().parent.parent
RULE_FILE_SCHEMA = PACKAGE_DIR / "rule-file.schema.json"
