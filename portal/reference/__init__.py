"""Reference data: localities, age bands and cohorts, editable by admins."""
