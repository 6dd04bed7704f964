"""The SEND voice portal."""
