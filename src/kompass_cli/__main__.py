"""Allow ``python -m kompass_cli``."""

from kompass_cli.cli.main import main

main()
