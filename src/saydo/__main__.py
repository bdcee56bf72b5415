"""`python -m saydo ...`: the same as the `saydo` command."""

from saydo.serve.cli import main

if __name__ == "__main__":
    main()
