"""What a check produces, for people and for tools: text and JSON (text), HTML, SARIF, JUnit, a rule's
steps (explain), and writing any of them safely (output)."""
