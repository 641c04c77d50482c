"""Registration for events on the site itself: form, double opt-in, places and waiting list,
cancellation, export and deletion (issue 29)."""
