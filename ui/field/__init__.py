"""上门办 field mode (``main.py --mode field``): a laptop profile for home visits, offline for days."""
