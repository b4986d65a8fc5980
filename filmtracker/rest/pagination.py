from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError

EXAMPLE_URL = "https://filmtracker.example/api/v1/films/?page={page}"
# Django's paginator turns the number into an int and slices with it; digits
# beyond this are no page anyone has, and would only cost a huge OFFSET.
MAX_PAGE_DIGITS = 9


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=` and `?page_size=` (capped, so one request cannot fetch everything).

    Unlike DRF's, invalid values are a 400 that says what is allowed, not
    silently replaced by the default (the fuzzer sent `page_size=-2.5` and got
    20 results): a client with a bug finds out. A page past the end stays a 404.
    """

    page_size_query_param = "page_size"
    max_page_size = 100
    page_size_message = _("The page size is a whole number from 1 to %(max)d.")
    page_message = _("The page is a whole number from 1 (or `last`).")

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        size = _whole_number(value)
        if size is None or not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        self.page_size_message % {"max": self.max_page_size}
                    ]
                }
            )
        return size

    def get_page_number(self, request, paginator):
        value = request.query_params.get(self.page_query_param)
        if value is None or value in self.last_page_strings:
            return super().get_page_number(request, paginator)
        number = _whole_number(value, max_digits=MAX_PAGE_DIGITS)
        if number is None or number < 1:
            raise ValidationError({self.page_query_param: [self.page_message]})
        return number

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
            elif parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
        return parameters

    def get_paginated_response_schema(self, schema):
        response_schema = super().get_paginated_response_schema(schema)
        properties = response_schema["properties"]
        properties["count"]["example"] = 42
        properties["next"]["example"] = EXAMPLE_URL.format(page=3)
        properties["previous"]["example"] = EXAMPLE_URL.format(page=1)
        # The four keys are always there (`next`/`previous` may be null).
        response_schema["required"] = ["count", "next", "previous", "results"]
        return response_schema


def _whole_number(value, *, max_digits=None):
    """`value` as an int if it is plain ASCII digits (an optional `-`), else None.

    Stricter than int(): no spaces, underscores, `+` or non-ASCII digits.
    A number longer than `max_digits` comes back as a huge int (past any page).
    """
    digits = value.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()):
        return None
    if max_digits is not None and len(digits) > max_digits:
        return -1 if value.startswith("-") else 10**max_digits
    return int(value)
