"""TMDB, the background jobs that talk to it (django-tasks), Letterboxd imports."""

from environs import validate

from .environment import env

# --- TMDB -------------------------------------------------------------------

TMDB_API_TOKEN = env.str("TMDB_API_TOKEN", "")
TMDB_API_KEY = env.str("TMDB_API_KEY", "")
TMDB_BASE_URL = env.str("TMDB_BASE_URL", "https://api.themoviedb.org/3")
TMDB_IMAGE_BASE_URL = env.str("TMDB_IMAGE_BASE_URL", "")
TMDB_TIMEOUT = env.float("TMDB_TIMEOUT", 5.0)
TMDB_CACHE_TTL = env.int("TMDB_CACHE_TTL", 60 * 60)
# TMDB asks clients to cache /configuration and check it "every few days".
TMDB_CONFIGURATION_TTL = env.int("TMDB_CONFIGURATION_TTL", 3 * 24 * 60 * 60)
# Retries on 429/5xx and refused connections (urllib3 Retry). The waits stay
# small: a member is waiting for the page, so a long Retry-After is capped.
TMDB_RETRIES = env.int("TMDB_RETRIES", 2)
TMDB_BACKOFF_FACTOR = env.float("TMDB_BACKOFF_FACTOR", 0.5)
TMDB_RETRY_MAX_WAIT = env.float("TMDB_RETRY_MAX_WAIT", 3.0)
# TMDB's terms forbid keeping its data longer than 6 months; `refresh_films`
# re-syncs films older than this many days (run it at least weekly).
TMDB_REFRESH_AFTER_DAYS = env.int("TMDB_REFRESH_AFTER_DAYS", 150)

# --- Background jobs ----------------------------------------------------------

# django-tasks. Wagtail's own tasks (search index, reference index, file
# deletions) use the "default" backend too. `database` keeps the queue in the
# site's database (no extra service; `manage.py db_worker` runs the jobs, and
# on PostgreSQL several workers share it with SKIP LOCKED); `immediate` runs
# each job inside the call that enqueued it (tests, or a site with no worker).
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS_BACKEND = env.str(
    "TASKS_BACKEND", "database", validate=validate.OneOf(TASKS_BACKENDS)
)
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND]}}
# A worker writes a heartbeat this often (seconds); a running job whose worker
# has been silent for JOBS_WORKER_LOST_AFTER is put back in the queue, at most
# JOBS_MAX_ATTEMPTS times in all, then marked failed (jobs/services.py).
JOBS_HEARTBEAT_SECONDS = env.float("JOBS_HEARTBEAT_SECONDS", 10.0)
JOBS_WORKER_LOST_AFTER = env.float("JOBS_WORKER_LOST_AFTER", 60.0)
JOBS_MAX_ATTEMPTS = env.int("JOBS_MAX_ATTEMPTS", 3)
# Inside a job TMDB's 429/5xx are waited out longer than in a request (nobody
# is waiting on the page): up to JOBS_RETRY_ATTEMPTS tries, waits doubling
# from JOBS_RETRY_BACKOFF seconds, each at most JOBS_RETRY_MAX_WAIT.
JOBS_RETRY_ATTEMPTS = env.int("JOBS_RETRY_ATTEMPTS", 5)
JOBS_RETRY_BACKOFF = env.float("JOBS_RETRY_BACKOFF", 2.0)
JOBS_RETRY_MAX_WAIT = env.float("JOBS_RETRY_MAX_WAIT", 60.0)

# --- Letterboxd import -------------------------------------------------------

# An upload larger than this is refused before it is read (nginx's
# client_max_body_size is 12 MB). Inside a ZIP, the files together may
# unpack to at most IMPORT_MAX_UNCOMPRESSED_BYTES in at most IMPORT_MAX_FILES
# files: a "ZIP bomb" is refused before anything is unpacked.
IMPORT_MAX_UPLOAD_BYTES = env.int("IMPORT_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
IMPORT_MAX_UNCOMPRESSED_BYTES = env.int(
    "IMPORT_MAX_UNCOMPRESSED_BYTES", 100 * 1024 * 1024
)
IMPORT_MAX_FILES = env.int("IMPORT_MAX_FILES", 1000)
# An import commits its progress every IMPORT_CHUNK_ROWS rows (a worker
# killed mid-import redoes at most that many).
IMPORT_CHUNK_ROWS = env.int("IMPORT_CHUNK_ROWS", 50)
# An import's TMDB searches and film imports are paced to stay under TMDB's
# rate limit (about 50 requests a second) while other pages use it too.
IMPORT_TMDB_REQUESTS_PER_SECOND = env.float("IMPORT_TMDB_REQUESTS_PER_SECOND", 30.0)
