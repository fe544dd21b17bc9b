"""``python -m newsint`` runs the command line."""

from .cli.main import main

main()
