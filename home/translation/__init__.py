"""The translation workflow: roles per language, guards around wagtail-localize's views."""
