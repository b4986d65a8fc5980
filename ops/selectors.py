"""Read-side questions about the site's set-up."""

from .models import DemoSeed


def demo_seed_current(*, fingerprint):
    """True when the demo catalogue with `fingerprint` is the one last loaded."""
    last = DemoSeed.objects.order_by("-loaded_at").first()
    return last is not None and last.fingerprint == fingerprint
