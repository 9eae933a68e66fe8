"""`python -m relj` runs the command line."""

from relj.cli import main

if __name__ == "__main__":
    main()
