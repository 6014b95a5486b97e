"""Printing in the window: preview (pages, zoom, printer choice), the print-queue badge and dialog, case reprints.

Everything printed goes through ``clerk.printjobs.print_document`` / ``PrintQueue`` (stored in the
cache before it is sent, 补打 marked by the core); these widgets only choose and show.
"""
