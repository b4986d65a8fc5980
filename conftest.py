import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from accounts.factories import DEFAULT_PASSWORD, EditorFactory, UserFactory
from filmtracker.settings import base as base_settings

# `fake_tmdb` (a loopback TMDB), the autouse guard that keeps tests offline, and
# `bucket` (a loopback S3-compatible server, filmtracker/testing_s3.py).
pytest_plugins = ["films.testing.fixtures", "filmtracker.testing_s3"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files from tests go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached pages and film versions (films/cache.py) never leak between tests."""
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English: a request in Russian leaves its language
    active in the thread (LocaleMiddleware activates, nothing deactivates)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def password():
    return DEFAULT_PASSWORD


@pytest.fixture
def member(db):
    return UserFactory()


@pytest.fixture
def unverified_member(db):
    return UserFactory(verified=False)


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def rate_limits(settings):
    """Turn allauth's rate limits back on (test settings switch them off).

    The base settings' value (allauth's defaults plus ours) is what production
    runs. The counters live in the cache, so it is cleared before and after.
    """
    settings.ACCOUNT_RATE_LIMITS = base_settings.ACCOUNT_RATE_LIMITS
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_client():
    """A DRF test client; anonymous until you log in or send a token."""
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def make_api_client():
    """`make_api_client(user)`: a DRF client signed in (by session) as `user`."""
    from rest_framework.test import APIClient

    def make(user=None):
        client = APIClient()
        if user is not None:
            client.force_login(user)
        return client

    return make
