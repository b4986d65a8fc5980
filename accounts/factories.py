import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

DEFAULT_PASSWORD = "correct-horse-battery"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    """A member whose email address is verified, as after sign-up."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            EmailAddress.objects.get_or_create(
                user=obj,
                email=obj.email,
                defaults={"verified": extracted is not False, "primary": True},
            )


EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("films", "add_film"),
    ("films", "change_film"),
    ("films", "delete_film"),
    ("films", "add_genre"),
    ("films", "change_genre"),
    ("reviews", "change_userfilm"),
    ("reviews", "delete_userfilm"),
    ("reviews", "view_viewing"),
    ("reviews", "delete_viewing"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]


class EditorFactory(UserFactory):
    """A staff member in Wagtail's Editors group who may manage the catalogue."""

    username = factory.Sequence(lambda n: f"editor{n}")

    @factory.post_generation
    def editor_permissions(obj, create, extracted, **kwargs):
        if not create:
            return
        group, _ = Group.objects.get_or_create(name="Editors")
        for app_label, codename in EDITOR_PERMISSIONS:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )
        obj.groups.add(group)


class SuperuserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True
