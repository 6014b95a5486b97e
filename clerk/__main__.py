"""``python -m clerk``: the workstation's services from the command line, with no Qt loaded."""

from clerk.cli import main

raise SystemExit(main())
