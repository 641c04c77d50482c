"""Factories per domain: images, topics, pages, news, events, films, campaign."""
