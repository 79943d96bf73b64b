"""`python -m corroborator` runs the command-line interface."""

from corroborator.cli import main

main()
