""" "You said, we did": evidence-linked responses, decision records, a public page, a feed and
updates."""
