"""Allow ``python -m kompass_cli``."""

from kompass_cli.cli.app import main

main()
