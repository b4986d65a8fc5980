# FilmTracker image: `docker build -t filmtracker .` (or `podman build --format docker`).
# Two stages: `build` turns requirements.txt into wheels, installs them into a
# virtualenv, compiles translations and collects static files; `runtime` gets
# only the virtualenv and the app, runs as an unprivileged user, and holds no
# compiler, no wheels and no pip cache.
ARG PYTHON_IMAGE=docker.io/library/python:3.11-slim

# --- build -------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
WORKDIR /app
# Every pinned requirement ships a binary wheel for this platform, so no
# compiler is installed; add build-essential and libpq-dev here if one ever
# needs compiling. Requirements first: this layer stays cached until they change.
# The virtualenv gets no pip of its own (the base image's pip installs into it),
# and its modules are byte-compiled now, as the runtime cannot write .pyc files.
COPY requirements.txt .
RUN python -m venv --without-pip /opt/venv \
    && python -m pip wheel --wheel-dir /tmp/wheels -r requirements.txt \
    && python -m pip --python /opt/venv/bin/python install \
       --no-index --find-links /tmp/wheels -r requirements.txt \
    && rm -rf /tmp/wheels
ENV PATH=/opt/venv/bin:$PATH
COPY . .
# Production settings demand a secret, a database and a shared cache; the
# throwaway values on the next two RUN lines exist for those commands only and
# stay out of the image (neither command touches the database or the cache).
ENV DJANGO_SETTINGS_MODULE=filmtracker.settings.production
# Translations, when there are any: gettext is needed here only.
RUN if [ -d locale ]; then \
        apt-get update && apt-get install -y --no-install-recommends gettext \
        && SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 \
           CACHE_URL=redis://build-only:6379/0 python manage.py compilemessages; \
    fi
# Hashed, compressed static files, served by whitenoise.
RUN SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    CACHE_URL=redis://build-only:6379/0 \
    python manage.py collectstatic --noinput --verbosity 0 \
    && python -m compileall -q -j 0 -x '/(staticfiles|static|media)/' /app

# --- runtime -----------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=filmtracker.settings.production \
    PORT=8000 \
    MEDIA_ROOT=/app/media \
    STATIC_ROOT=/app/staticfiles \
    SECRET_KEY_FILE=/var/lib/filmtracker/secret_key
# The app's files stay root-owned and read-only to the app user; it may write
# only uploaded media and its state folder (volumes in docker compose).
RUN groupadd --system --gid 10001 filmtracker \
    && useradd --system --uid 10001 --gid filmtracker --no-create-home \
       --home-dir /nonexistent --shell /usr/sbin/nologin filmtracker \
    && mkdir -p /app/media /var/lib/filmtracker \
    && chown filmtracker:filmtracker /app/media /var/lib/filmtracker
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
USER filmtracker:filmtracker
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)"]
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "--config", "docker/gunicorn.conf.py", "filmtracker.wsgi"]
