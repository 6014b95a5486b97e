"""The comprehensive intake screen (综合受理): bundle, situations, one form, one checklist, the outcome."""
