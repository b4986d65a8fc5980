"""EMAIL_URL -> Django's EMAIL_* settings (an environs parser, see base.py).

environs' built-in `dj_email_url` knows dj-email-url's schemes only, so the
URLs this project documents (django-environ's spelling) silently fell back to
Django's SMTP default. Accepted here:

    consolemail://                       print to the log
    filemail:///absolute/folder          one file per email (filemail://dir: relative)
    memorymail://   dummymail://         keep in memory / drop
    smtp://user:pass@host:25             plain SMTP
    smtp+tls://user:pass@host:587        SMTP with STARTTLS
    smtp+ssl://user:pass@host:465        SMTP over TLS
    ...?timeout=10                       SMTP timeout in seconds

dj-email-url's own schemes (console://, submission://, smtp://...?tls=1) still
work: anything not listed above goes to dj-email-url unchanged.
"""

from urllib.parse import parse_qs, unquote, urlsplit

import dj_email_url
from environs import EnvError

BACKENDS = {
    "consolemail": "django.core.mail.backends.console.EmailBackend",
    "filemail": "django.core.mail.backends.filebased.EmailBackend",
    "memorymail": "django.core.mail.backends.locmem.EmailBackend",
    "dummymail": "django.core.mail.backends.dummy.EmailBackend",
}
SMTP = "django.core.mail.backends.smtp.EmailBackend"
# scheme -> (use STARTTLS, use implicit TLS, default port)
SMTP_SCHEMES = {
    "smtp": (False, False, 25),
    "smtp+tls": (True, False, 587),
    "smtp+ssl": (False, True, 465),
}


def parse_email_url(value):
    url = urlsplit(value)
    if url.scheme in BACKENDS:
        conf = {"EMAIL_BACKEND": BACKENDS[url.scheme]}
        if url.scheme == "filemail":
            path = unquote(url.netloc + url.path)
            if not path:
                raise EnvError("filemail:// needs a folder, e.g. filemail:///srv/mail")
            conf["EMAIL_FILE_PATH"] = path
        return conf
    if url.scheme in SMTP_SCHEMES:
        use_tls, use_ssl, default_port = SMTP_SCHEMES[url.scheme]
        timeout = parse_qs(url.query).get("timeout", [None])[0]
        return {
            "EMAIL_BACKEND": SMTP,
            "EMAIL_HOST": url.hostname or "localhost",
            "EMAIL_PORT": url.port or default_port,
            "EMAIL_HOST_USER": unquote(url.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(url.password or ""),
            "EMAIL_USE_TLS": use_tls,
            "EMAIL_USE_SSL": use_ssl,
            "EMAIL_TIMEOUT": int(timeout) if timeout else None,
        }
    conf = dj_email_url.parse(value)
    if "EMAIL_BACKEND" not in conf:
        raise EnvError(f"Unknown EMAIL_URL scheme {url.scheme!r}")
    return {key: val for key, val in conf.items() if val is not None}
