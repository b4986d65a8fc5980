from django.apps import AppConfig


class BenchConfig(AppConfig):
    """`manage.py bench`: the load benchmark. No models, URLs or signals."""

    name = "bench"
    verbose_name = "Benchmark"
