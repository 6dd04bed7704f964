"""Home, information pages, the staff home page and a health check."""
