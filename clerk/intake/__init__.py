"""The case lifecycle: drafts, validation, accept / notify / reject, search (一件事 intake)."""
