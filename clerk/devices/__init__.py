"""Hall devices without Qt: ID-card readers, the document camera's image pipeline, device health.

    card = open_reader("termb:/opt/reader/libtermb.so:1001").read()   # clerk.devices.readers
    card.as_json(); card.person(); card.expired                      # clerk.devices.idcard
    poller = CardPoller(reader, events); poller.start()              # clerk.devices.poller (own thread)
    page = crop_document(jpeg_bytes)                                 # clerk.devices.camera
    report = check_devices(settings)                                 # clerk.devices.health

A card's data is personal data: an ``IdCard`` never shows its full number or name in ``repr`` (so
not in a log line or a traceback either), the vendor SDK's files live only in a private temporary
directory that is removed after each read, and the photo is kept in memory unless the caller asks
for a PNG file (``photo_to``).
"""

from __future__ import annotations
