from django.db import models


class DemoSeed(models.Model):
    """Which demo catalogue this database holds, so an unchanged one is not
    loaded again on every `make run` (loading it takes most of a minute)."""

    fingerprint = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"demo catalogue {self.fingerprint[:12]} ({self.loaded_at:%Y-%m-%d})"
