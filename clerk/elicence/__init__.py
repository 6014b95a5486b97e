"""电子证照 at the window: look up every material the catalog lets an e-licence replace, attach what
is found as the material's file (source ``e_license``, number recorded), mark what cannot be looked
up now as 待核验电子证照 and fetch it at sync, and record 数据共享核验 answers.

The platform's side is ``docs/api.md`` ("E-licences"). This package sits below ``clerk.sync`` (the
sync engine resolves pending licences through it) and talks to the platform through any client with
the ``PlatformClient._request`` shape (``Requester``), so it never imports the sync layer.
"""
