import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError, connection, connections

from films.factories import FilmFactory
from films.models import Film
from filmtracker.db import LockTimeout, db_advisory_lock, db_wait
from ops.demo import demo_catalogue_fingerprint
from ops.models import DemoSeed

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_calls(monkeypatch):
    """Record demo seeding instead of loading the whole catalogue."""
    calls = []

    def fake_load(**kwargs):
        calls.append(kwargs)
        FilmFactory(title="Seeded")
        DemoSeed.objects.update_or_create(
            pk=1, defaults={"fingerprint": demo_catalogue_fingerprint()}
        )
        return {"films": 1, "members": 0}

    monkeypatch.setattr(
        "ops.management.commands.seed_demo.demo_catalogue_load", fake_load
    )
    return calls


def test_release_seeds_an_empty_catalogue_and_creates_the_admin(seed_calls, settings):
    settings.ADMIN_USERNAME = "siteadmin"
    settings.ADMIN_PASSWORD = "a-long-admin-password"  # noqa: S105

    call_command("release", verbosity=0)

    assert len(seed_calls) == 1
    assert Film.objects.filter(title="Seeded").exists()
    admin = get_user_model().objects.get(username="siteadmin")
    assert admin.is_superuser
    assert admin.check_password("a-long-admin-password")


def test_release_leaves_an_existing_catalogue_alone(seed_calls):
    FilmFactory(title="Edited by an editor")

    call_command("release", verbosity=0)
    call_command("release", verbosity=0)  # a restart

    assert seed_calls == []
    assert list(Film.objects.values_list("title", flat=True)) == ["Edited by an editor"]
    assert get_user_model().objects.filter(username="admin").count() == 1


def test_a_warm_release_neither_migrates_nor_seeds(seed_calls, monkeypatch, capsys):
    """`make run` on an unchanged checkout: no migrate, no seed, sign-in last."""
    call_command("release", "--reseed-on-change", verbosity=0)
    assert len(seed_calls) == 1
    migrated = []
    monkeypatch.setattr(
        "ops.management.commands.release.call_command",
        _recording(migrated),
    )
    capsys.readouterr()

    call_command("release", "--reseed-on-change", "--url", "http://127.0.0.1:8123")

    assert [name for name, _kw in migrated] == ["ensure_admin"]
    assert len(seed_calls) == 1


def test_a_changed_demo_catalogue_is_loaded_again_on_make_run(seed_calls):
    call_command("release", "--reseed-on-change", verbosity=0)
    DemoSeed.objects.update(fingerprint="an older catalogue")

    call_command("release", verbosity=0)  # a container: never over edits
    assert len(seed_calls) == 1
    call_command("release", "--reseed-on-change", verbosity=0)
    assert len(seed_calls) == 2


def _recording(calls):
    real = call_command

    def record(name, *args, **kwargs):
        calls.append((name, kwargs))
        return real(name, *args, **kwargs)

    return record


def test_release_without_seed(seed_calls):
    call_command("release", "--no-seed", verbosity=0)

    assert seed_calls == []
    assert not Film.objects.exists()


class FlakyConnection:
    """Refuses `failures` times, then connects."""

    def __init__(self, failures):
        self.failures = failures
        self.attempts = 0

    def ensure_connection(self):
        self.attempts += 1
        if self.attempts <= self.failures:
            raise OperationalError("connection refused")

    def close(self):
        pass


def test_db_wait_retries_until_the_database_answers():
    flaky = FlakyConnection(failures=2)
    assert db_wait(timeout=5, interval=0, using=flaky) is True
    assert flaky.attempts == 3


def test_db_wait_gives_up_after_the_timeout():
    down = FlakyConnection(failures=10**6)
    assert db_wait(timeout=0, interval=0, using=down) is False
    assert down.attempts == 1


def test_wait_for_db_command_fails_clearly(monkeypatch):
    monkeypatch.setattr(
        "ops.management.commands.wait_for_db.db_wait", lambda **kw: False
    )
    with pytest.raises(CommandError, match="did not accept connections within 3s"):
        call_command("wait_for_db", "--timeout", "3")


def test_wait_for_db_command_passes_on_a_live_database(capsys):
    call_command("wait_for_db", "--timeout", "1")
    assert "Database is ready" in capsys.readouterr().out


@pytest.mark.postgres
def test_advisory_lock_makes_a_second_release_wait_then_give_up():
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's")
    other = connections.create_connection("default")
    try:
        # Another container holds the release lock...
        with db_advisory_lock(name="filmtracker-release", timeout=1, using=other):
            # ...so this one waits, then says why it stops.
            with (
                pytest.raises(LockTimeout),
                db_advisory_lock(name="filmtracker-release", timeout=0.3),
            ):
                pass
            with pytest.raises(CommandError, match="Another release is still running"):
                call_command("release", "--lock-timeout", "0.3", verbosity=0)
        # Released: the next one gets in.
        with db_advisory_lock(name="filmtracker-release", timeout=1):
            entered = True
        assert entered
    finally:
        other.close()
