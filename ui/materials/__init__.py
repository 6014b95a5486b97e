"""Materials in the UI: page thumbnails and viewer, scanning, the scan-to-folder inbox, the barcode wedge."""
