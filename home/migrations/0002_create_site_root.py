"""Replace Wagtail's placeholder welcome page with FilmTracker's HomePage.

Historical models have no treebeard helpers, so the tree fields are set by
hand: the home page is the root's first child.
"""

from django.db import migrations


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    placeholder_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=placeholder_type, depth=2, slug="home").delete()

    home_type, _ = ContentType.objects.get_or_create(
        model="homepage", app_label="home"
    )
    home = HomePage.objects.create(
        title="FilmTracker",
        draft_title="FilmTracker",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.order_by("pk").first(),
        intro="<p>Find films, rate them and see what other members think.</p>",
    )
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True
    )


def remove_home_page(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage.objects.filter(depth=2, slug="home").delete()
    ContentType.objects.filter(model="homepage", app_label="home").delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]
    operations = [migrations.RunPython(create_home_page, remove_home_page)]
