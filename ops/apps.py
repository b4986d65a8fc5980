from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site: release steps, the admin account, the demo catalogue."""

    name = "ops"
    verbose_name = "Operations"
    default_auto_field = "django.db.models.BigAutoField"
