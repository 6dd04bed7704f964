"""Pure calculations behind the portal's measures: proportions, intervals, suppression, RAG and periods."""
