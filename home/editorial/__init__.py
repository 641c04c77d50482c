"""The editors' side of the admin: guardrails before publishing, dashboard panels, listing
columns and the accessibility checker's configuration (issue 12)."""
