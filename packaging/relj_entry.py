"""Entry point of the frozen app: the same ``relj`` command that the package installs."""

import sys

from relj.cli import main

if __name__ == "__main__":
    sys.exit(main(prog_name="relj"))
