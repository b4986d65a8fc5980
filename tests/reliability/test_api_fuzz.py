"""Schemathesis fuzzes every operation of our own OpenAPI schema, in-process.

Each operation gets generated requests, valid (positive) and invalid
(negative), anonymous and with a verified member's JWT, against the Django app
through WSGI: no server, no network, the test database (so on PostgreSQL too,
where a NUL byte in a string is an error SQLite never shows). Every response
must be: no 5xx, a documented status code and content type, a body that
matches the schema, invalid input refused, and anonymous calls where the
schema asks for auth refused. TMDB is the fake server, so searching and
importing run for real (and a 5xx is a failure there too).

Deterministic: Hypothesis is derandomized (the same requests on every run)
and keeps no example database. Bounded: MAX_EXAMPLES per operation and caller.
"""

from datetime import date

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode, checks

from accounts.factories import UserFactory
from accounts.tokens import MemberRefreshToken
from films.factories import FilmFactory, GenreFactory
from filmtracker.wsgi import application
from imports.models import LetterboxdImport, LetterboxdRow
from lists.models import List, ListEntry
from reviews.factories import UserFilmFactory
from reviews.models import Viewing

pytestmark = pytest.mark.django_db

# Every operation in the schema; test_every_operation_is_fuzzed fails when one
# is added without being listed here.
OPERATIONS = [
    "GET /api/v1/diary/",
    "POST /api/v1/diary/",
    "GET /api/v1/diary/{id}/",
    "DELETE /api/v1/diary/{id}/",
    "GET /api/v1/exports/full/",
    "GET /api/v1/exports/letterboxd/",
    "POST /api/v1/auth/logout/",
    "POST /api/v1/auth/token/",
    "POST /api/v1/auth/token/refresh/",
    "GET /api/v1/films/",
    "GET /api/v1/films/{id}/",
    "GET /api/v1/films/{id}/reviews/",
    "GET /api/v1/films/autocomplete/",
    "GET /api/v1/lists/",
    "POST /api/v1/lists/",
    "GET /api/v1/lists/{id}/",
    "PATCH /api/v1/lists/{id}/",
    "DELETE /api/v1/lists/{id}/",
    "GET /api/v1/lists/{list_id}/entries/",
    "POST /api/v1/lists/{list_id}/entries/",
    "GET /api/v1/lists/{list_id}/entries/{id}/",
    "PATCH /api/v1/lists/{list_id}/entries/{id}/",
    "DELETE /api/v1/lists/{list_id}/entries/{id}/",
    "POST /api/v1/films/import/",
    "POST /api/v1/imports/",
    "GET /api/v1/imports/{id}/",
    "POST /api/v1/imports/{id}/rows/{row_id}/resolve/",
    "GET /api/v1/reviews/",
    "POST /api/v1/reviews/",
    "POST /api/v1/reviews/rate/",
    "POST /api/v1/reviews/status/",
    "GET /api/v1/reviews/{id}/",
    "PUT /api/v1/reviews/{id}/",
    "PATCH /api/v1/reviews/{id}/",
    "DELETE /api/v1/reviews/{id}/",
    "GET /api/v1/tmdb/search/",
    "GET /api/v1/users/{username}/",
    "GET /api/v1/users/{username}/films/",
    "GET /api/v1/users/me/",
    "PATCH /api/v1/users/me/",
]
CALLERS = ["anonymous", "member"]
MAX_EXAMPLES = 40
# Hypothesis stops early only when it runs out of distinct requests; every
# operation has far more than this, so a run below it means generation broke.
MIN_REQUESTS = 32
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
    checks.ignored_auth,
    checks.unsupported_method,
]
HYPOTHESIS = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    # Requests are slow next to Hypothesis' usual tests, on purpose.
    suppress_health_check=list(HealthCheck),
    print_blob=False,
)


@pytest.fixture(scope="module")
def api_schema(django_db_blocker):
    # Loaded through the app itself: the schema clients download is the one tested.
    with django_db_blocker.unblock():
        return schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Requests go through the real WSGI handler, which closes the database
    connection when a request ends: on PostgreSQL that would end the test's
    transaction. Django's test client unhooks the same two signals."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def catalogue(member, password):
    """Some of everything, so generated requests also reach real objects."""
    genre = GenreFactory(name="Science Fiction", slug="science-fiction")
    films = [FilmFactory(with_poster=True), FilmFactory(), FilmFactory(year=None)]
    films[0].genres.add(genre)
    other = UserFactory(display_name="<b>Other</b>")
    reviews = [
        UserFilmFactory(user=member, film=films[0], comment="Mine."),
        UserFilmFactory(user=other, film=films[1], rating=None, status="want"),
    ]
    viewings = [
        Viewing.objects.create(user=member, film=films[0], watched_on=date(2024, 1, 1)),
        Viewing.objects.create(user=other, film=films[1], watched_on=date(2023, 5, 2)),
    ]
    mine = LetterboxdImport.objects.create(owner=member, filename="diary.csv")
    row = LetterboxdRow.objects.create(
        letterboxd_import=mine,
        position=1,
        source="diary",
        line=2,
        name=films[1].title,
        state="ambiguous",
        candidates=[{"film": films[1].pk, "tmdb_id": None, "title": "A", "year": 2001}],
    )
    LetterboxdImport.objects.filter(pk=mine.pk).update(status="done", total=1)
    theirs = LetterboxdImport.objects.create(owner=other, filename="x.csv")
    lists = [
        List.objects.create(owner=member, title="Mine", slug="mine", ranked=True),
        List.objects.create(owner=other, title="Theirs", slug="theirs"),
        List.objects.create(
            owner=other, title="Hidden", slug="hidden", visibility="private"
        ),
    ]
    entries = [
        ListEntry.objects.create(list=film_list, film=film, position=position)
        for film_list in lists
        for position, film in enumerate(films[:2], start=1)
    ]
    return {
        "id": {
            "films": [film.pk for film in films],
            "reviews": [review.pk for review in reviews],
            "diary": [viewing.pk for viewing in viewings],
            "imports": [mine.pk, theirs.pk],
            "lists": [film_list.pk for film_list in lists],
        },
        "rows": [{"id": mine.pk, "row_id": row.pk}],
        "entries": [(entry.list_id, entry.pk) for entry in entries],
        "username": [member.username, other.username],
        "credentials": {"username": member.username, "password": password},
        "refresh": str(MemberRefreshToken.for_user(member)),
    }


def known_path_parameters(operation, catalogue):
    """Path parameters naming objects that exist (generated ones rarely do)."""
    if "{row_id}" in operation.path:
        return catalogue["rows"]
    if "{list_id}" in operation.path:
        if "{id}" not in operation.path:
            return [{"list_id": pk} for pk in catalogue["id"]["lists"]]
        return [{"list_id": lst, "id": pk} for lst, pk in catalogue["entries"]]
    if "{id}" in operation.path:
        resource = operation.path.split("/")[3]
        return [{"id": pk} for pk in catalogue["id"][resource]]
    if "{username}" in operation.path:
        return [{"username": name} for name in catalogue["username"]]
    return []


def known_bodies(operation, catalogue):
    """Valid bodies that generation cannot guess (a password, a token)."""
    if operation.path == "/api/v1/auth/token/":
        return [catalogue["credentials"]]
    if operation.path in ("/api/v1/auth/token/refresh/", "/api/v1/auth/logout/"):
        return [{"refresh": catalogue["refresh"]}]
    if operation.path == "/api/v1/films/import/":
        return [{"tmdb_id": 603}]  # The Matrix, which the fake TMDB knows
    return []


def with_known_film(case_and_film):
    """A generated review for a film that exists (a random id rarely does)."""
    case, film_id = case_and_film
    if isinstance(case.body, dict):
        case.body["film"] = film_id
    return case


ENTRY_CREATE = "POST /api/v1/lists/{list_id}/entries/"


def case_strategy(operation, catalogue):
    strategies = []
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        strategies.append(operation.as_strategy(mode))
        for parameters in known_path_parameters(operation, catalogue):
            strategies.append(operation.as_strategy(mode, path_parameters=parameters))
    for body in known_bodies(operation, catalogue):
        strategies.append(
            operation.as_strategy(body=body, media_type="application/json")
        )
    if operation.label in ("POST /api/v1/reviews/", ENTRY_CREATE):
        films = st.sampled_from(catalogue["id"]["films"])
        # A film not yet in the member's own list, in that list.
        kwargs = (
            {"path_parameters": {"list_id": catalogue["id"]["lists"][0]}}
            if operation.label == ENTRY_CREATE
            else {}
        )
        positive = operation.as_strategy(GenerationMode.POSITIVE, **kwargs)
        strategies.append(st.tuples(positive, films).map(with_known_film))
    return st.one_of(strategies)


def test_every_operation_is_fuzzed(api_schema):
    labels = [result.ok().label for result in api_schema.get_all_operations()]
    assert sorted(labels) == sorted(OPERATIONS)


def test_at_least_a_thousand_requests_are_sent():
    assert len(OPERATIONS) * len(CALLERS) * MIN_REQUESTS >= 1000


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("label", OPERATIONS)
def test_operation_survives_fuzzing(
    api_schema, catalogue, fake_tmdb, member, label, caller
):
    method, path = label.split(" ")
    operation = api_schema[path][method]
    # Schemathesis' WSGI transport asks for gzip but never unpacks it; the
    # compression itself is tested in filmtracker/tests/test_delivery.py.
    headers = {"Accept-Encoding": "identity"}
    if caller == "member":
        token = MemberRefreshToken.for_user(member).access_token
        headers["Authorization"] = f"Bearer {token}"
    sent = 0

    @given(case=case_strategy(operation, catalogue))
    @HYPOTHESIS
    def fuzz(case):
        nonlocal sent
        sent += 1
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)

    fuzz()
    assert sent >= MIN_REQUESTS
