"""The ``newsint`` command line (Typer): one module per command."""
