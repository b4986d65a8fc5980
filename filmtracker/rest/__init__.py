"""Shared REST API plumbing: error format, pagination, OpenAPI helpers."""
