"""`python -m relj` is the `relj` command."""

from relj.launch import entry

if __name__ == "__main__":
    entry()
