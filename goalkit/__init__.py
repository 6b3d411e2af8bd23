"""goalkit."""
