from rest_framework import pagination

EXAMPLE_URL = "https://filmtracker.example/api/v1/films/?page={page}"


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=` and `?page_size=` (capped, so one request cannot fetch everything)."""

    page_size_query_param = "page_size"
    max_page_size = 100

    def get_paginated_response_schema(self, schema):
        response_schema = super().get_paginated_response_schema(schema)
        properties = response_schema["properties"]
        properties["count"]["example"] = 42
        properties["next"]["example"] = EXAMPLE_URL.format(page=3)
        properties["previous"]["example"] = EXAMPLE_URL.format(page=1)
        # The four keys are always there (`next`/`previous` may be null).
        response_schema["required"] = ["count", "next", "previous", "results"]
        return response_schema
