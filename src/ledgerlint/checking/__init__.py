"""Checking a disclosure: reading it (loading, positions), its format (validation), running the rules
(engine) into findings, and the Checker of the API with batches of files in parallel (api, batch)."""
