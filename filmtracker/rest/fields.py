"""Serializer fields shared by the API's apps."""

from rest_framework import serializers


class LimitedCharField(serializers.CharField):
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
