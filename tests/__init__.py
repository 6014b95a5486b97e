"""The test suite (a package, so tests/ui is tests.ui and never shadows the ui package)."""
