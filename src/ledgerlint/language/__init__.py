"""The rule language: figures with their rounding intervals (numbers), read-only views of a disclosure
(views), the operators and functions (functions), and expressions compiled from a rule's text (compiler,
expressions). No file is read and no report is written here."""
