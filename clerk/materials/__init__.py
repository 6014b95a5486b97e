"""Materials: the content-addressed page store, file sniffing, scanners, barcodes on materials."""
