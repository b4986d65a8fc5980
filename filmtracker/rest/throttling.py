"""The API's one request throttle: members by account, everyone else by address."""

from rest_framework.throttling import UserRateThrottle


class MemberOrAddressRateThrottle(UserRateThrottle):
    """DRF's UserRateThrottle (members by account, others by address) with
    the "anon" rate for those others.

    DRF's AnonRateThrottle and UserRateThrottle together limit the same way,
    but both run on every anonymous request (UserRateThrottle counts visitors
    by address too, at the looser rate), so each anonymous call paid two cache
    reads and two writes for one effective limit. This is one read and one
    write, with the same keys and rates (`DEFAULT_THROTTLE_RATES`), and the
    same 429 with Retry-After.
    """

    def __init__(self):
        # The rate depends on who asks: chosen per request, below.
        pass

    def allow_request(self, request, view):
        member = request.user and request.user.is_authenticated
        self.scope = "user" if member else "anon"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)
