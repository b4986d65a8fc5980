"""Serializer fields shared by the API's apps.

DRF's fields coerce: a CharField stores the number 0 as "0", an IntegerField
takes "5" and 5.0, and a PrimaryKeyRelatedField passed 1.5 to the query (film
1) and 1e400 to int() (OverflowError, a 500). Request bodies are JSON, whose
types are exact, so body fields take their own type only. (Query parameters
are always text: their serializers keep DRF's IntegerField.)
"""

from rest_framework import serializers


class StrictCharField(serializers.CharField):
    """A CharField that takes only a string."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class LimitedCharField(StrictCharField):
    """A CharField whose `max_length` counts the characters the client sent.

    DRF trims surrounding whitespace first and checks the length after, so a
    5,001-character comment that starts with a space (or \\x1d, which Python
    counts as whitespace) passed a documented limit of 5,000: the fuzzer
    caught the API accepting what its schema forbids.
    """

    def run_validation(self, data=serializers.empty):
        too_long = self.max_length is not None and len(str(data)) > self.max_length
        if data is not serializers.empty and data is not None and too_long:
            self.fail("max_length", max_length=self.max_length)
        return super().run_validation(data)


def _is_json_integer(data):
    return isinstance(data, int) and not isinstance(data, bool)


class StrictIntegerField(serializers.IntegerField):
    """An IntegerField for JSON bodies: a JSON integer only (not "5", 5.0, true)."""

    def to_internal_value(self, data):
        if not _is_json_integer(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class IdField(serializers.PrimaryKeyRelatedField):
    """A related object's id: a JSON integer only (not 1.5, 1e400, "1", true)."""

    def to_internal_value(self, data):
        if not _is_json_integer(data):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """A BooleanField for JSON bodies: true or false only (not "yes", 1, "on")."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data
