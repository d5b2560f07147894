"""Every bound ledgerlint sets on what it is given, in one place: each is set where reading and checking
still take a few seconds and a few hundred MB (the README's security model lists them)."""

MEGABYTE = 1024 * 1024

# a JSON disclosure
MAX_BYTES = 20 * MEGABYTE        # a disclosure is well under 1 MB; anything far larger is not one
MAX_JSON_DEPTH = 64              # the template nests about 8 levels deep
MAX_VALUES = 100_000             # a disclosure holds a few thousand values (its tables included)
# a figure no disclosure states: more digits than any amount in 万元 or 元, or an exponent that would
# make a report write it out digit by digit (1e999999999); int() refuses more than 4,300 digits anyway
MAX_FIGURE_DIGITS = 30
MAX_EXPONENT = 30

# a published document
MAX_FILE_BYTES = 50 * MEGABYTE   # a .pdf or .docx (scanned pages and pictures make them large)
MAX_TEXT_BYTES = 4 * MEGABYTE    # a .txt, read in full before its length is known
MAX_TEXT_CHARS = 400_000         # the text of any document, once read (about 3 s to check)
MAX_PAGES = 300                  # of a PDF: each page is laid out on its own (about 0.2 s)
MAX_DOCX_XML = 50 * MEGABYTE     # a .docx's parts unpacked: a zip bomb is refused before it is

# rule files and schemas
MAX_YAML_BYTES = 1 * MEGABYTE
MAX_YAML_NODES = 200_000
MAX_SCHEMA_BYTES = 4 * MEGABYTE  # the shipped schema is about 100 KB

# an expression, when it is compiled
MAX_LENGTH = 2000                # characters in one expression
MAX_NODES = 500                  # AST nodes in one expression
MAX_EXPRESSION_DEPTH = 40        # nesting of AST nodes
MAX_STRING = 500                 # characters in one string literal
MAX_POWER = 10                   # largest exponent of **
MAX_LITERAL_DIGITS = 20          # digits in one number literal, and the largest exponent of one

# an evaluation: a budget of steps per rule and element, and the clock looked at every CLOCK_EVERY steps
MAX_OPERATIONS = 2_000_000
MAX_SECONDS = 2.0
CLOCK_EVERY = 4096               # a power of two: `steps & (CLOCK_EVERY - 1)` is the cheap test
