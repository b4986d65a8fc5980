"""Lighthouse over the public pages: the four scores, LCP and bytes, phone and desktop.

Builds a demo site in .lighthouse/ (SQLite, the demo catalogue, collected and
compressed static files), serves it with gunicorn and the production settings on
loopback (plain HTTP: no HTTPS redirect, no Secure cookies), signs the demo
member `anna` in for the member's film page, and runs Lighthouse (npx, from the
npm registry) with the system's Chromium (CHROME_PATH).

Usage: make lighthouse [LIGHTHOUSE_ARGS="--language ru --form-factor mobile"]
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".lighthouse"
LIGHTHOUSE = "lighthouse@12.8.2"
PORT = int(os.environ.get("LIGHTHOUSE_PORT", "8777"))
BASE = f"http://127.0.0.1:{PORT}"
MEMBER, PASSWORD = "anna", "filmtracker-demo"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
    " --disable-background-networking"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def site_env():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "filmtracker.settings.production",
        "SECRET_KEY": "lighthouse-only-not-a-secret",
        "DATABASE_URL": f"sqlite:///{WORK / 'db.sqlite3'}",
        "CACHE_URL": "locmem://lighthouse",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SERVE_MEDIA": "true",
        "STATIC_ROOT": str(WORK / "static"),
        "MEDIA_ROOT": str(WORK / "media"),
        "LOG_LEVEL": "WARNING",
        "PORT": str(PORT),
        "TMDB_API_TOKEN": "",
        "TMDB_API_KEY": "",
    }


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def build_site(env):
    WORK.mkdir(exist_ok=True)
    manage("migrate", "--noinput", "--verbosity", "0", env=env)
    manage("seed_demo", env=env)
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            time.sleep(0.5)
    raise SystemExit(f"the site did not answer at {url}")


def member_cookie():
    """Sign the demo member in through the real login form; their session cookie."""
    session = requests.Session()
    page = session.get(f"{BASE}/accounts/login/", timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    response = session.post(
        f"{BASE}/accounts/login/",
        data={
            "csrfmiddlewaretoken": token.group(1),
            "login": MEMBER,
            "password": PASSWORD,
        },
        headers={"Referer": f"{BASE}/accounts/login/"},
        allow_redirects=False,
        timeout=60,
    )
    if "sessionid" not in session.cookies:
        raise SystemExit(f"could not sign {MEMBER} in ({response.status_code})")
    return f"sessionid={session.cookies['sessionid']}"


def first_film_path():
    html = requests.get(f"{BASE}/", timeout=60).text
    return re.search(r'href="(/films/[^"/]+/)"', html).group(1)


def pages():
    film = first_film_path()
    return [
        ("home", "/", False),
        ("search", "/search/?q=the", False),
        ("film", film, False),
        ("film (member)", film, True),
        ("profile", f"/users/{MEMBER}/", False),
        ("login", "/accounts/login/", False),
        ("sign-up", "/accounts/signup/", False),
    ]


def lighthouse(url, *, form_factor, headers):
    command = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--extra-headers={json.dumps(headers)}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, capture_output=True, text=True)  # noqa: S603
    if result.returncode:
        return {"error": (result.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(result.stdout)


def summary(report):
    if "error" in report:
        return None
    audits = report["audits"]
    failed = [
        audit_id
        for ref in report["categories"]["accessibility"]["auditRefs"]
        if ref["weight"]
        and (audit_id := ref["id"])
        and audits[audit_id].get("score") not in (None, 1)
    ]
    return {
        **{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "kib": round(audits["total-byte-weight"]["numericValue"] / 1024),
        "a11y_failed": failed,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="en", choices=["en", "ru"])
    parser.add_argument(
        "--reuse", action="store_true", help="keep the demo site .lighthouse/ built"
    )
    parser.add_argument(
        "--form-factor", choices=["mobile", "desktop", "both"], default="both"
    )
    args = parser.parse_args()
    chromium = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    if not chromium:
        raise SystemExit("Chromium not found: install it or set CHROME_PATH")
    os.environ["CHROME_PATH"] = chromium
    env = site_env()
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            raise SystemExit(f"port {PORT} is taken: set LIGHTHOUSE_PORT")
    if not (args.reuse and (WORK / "db.sqlite3").exists()):
        build_site(env)
    log = (WORK / "server.log").open("w")  # request logs stay out of the table
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "--config", "docker/gunicorn.conf.py"]
        + ["--bind", f"127.0.0.1:{PORT}", "filmtracker.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"{BASE}/healthz")
        cookie = member_cookie()
        factors = (
            ["mobile", "desktop"] if args.form_factor == "both" else [args.form_factor]
        )
        print(
            f"\nLighthouse 12, language {args.language}, production settings, gunicorn"
        )
        print(
            f"{'page':<15}{'device':<9}{'perf':>5}{'a11y':>5}{'bp':>5}{'seo':>5}"
            f"{'LCP ms':>8}{'KiB':>6}  accessibility audits failed"
        )
        for name, path, signed_in in pages():
            headers = {"Accept-Language": args.language}
            if signed_in:
                headers["Cookie"] = cookie
            # A first view may make renditions or fill caches: not what is measured.
            requests.get(BASE + path, headers=headers, timeout=120)
            for factor in factors:
                report = lighthouse(BASE + path, form_factor=factor, headers=headers)
                s = summary(report)
                if s is None:
                    print(f"{name:<15}{factor:<9}failed: {report['error']}", flush=True)
                    continue
                print(
                    f"{name:<15}{factor:<9}{s['performance']:>5}{s['accessibility']:>5}"
                    f"{s['best-practices']:>5}{s['seo']:>5}{s['lcp_ms']:>8}{s['kib']:>6}"
                    f"  {', '.join(s['a11y_failed']) or '-'}",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


if __name__ == "__main__":
    main()
