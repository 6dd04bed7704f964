"""Actions opened when a measure deteriorates: named owner, review date, follow-up, closing note."""
