"""The learned text model in the portal: moderators' labels, which model is active, training and
activation commands and the admin page. The model itself lives in portal/text/learned."""
