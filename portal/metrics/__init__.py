"""Pure calculations for measures: proportions, intervals, suppression, RAG and periods."""
