"""Entry point PyInstaller freezes: the same command line as `sciatica-atlas`."""

from viewer.cli import main

raise SystemExit(main())
