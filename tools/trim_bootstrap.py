"""Build static/css/bootstrap.trimmed.min.css: Bootstrap without the rules we never use.

Bootstrap's full stylesheet is 228 KB (about 31 KB gzipped) and blocks the first
paint; FilmTracker uses a small part of it. PurgeCSS (from the npm registry, run
with npx) keeps every rule whose selectors name a class, id or element found in
our templates, scripts and Python code, and in the packages that render markup
for us (django-bootstrap5's forms, allauth's pages). Classes that only Bootstrap's
own JavaScript adds (`show`, `collapsing`, ...) are kept by the safelist below.

Run `make css` after adding a Bootstrap class to a template; the test
filmtracker/tests/test_trimmed_css.py fails while one is missing.

Usage: python tools/trim_bootstrap.py [--check]
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import allauth
import bootstrap
import django_bootstrap5

ROOT = Path(__file__).resolve().parents[1]
PURGECSS = "purgecss@7.0.2"
SOURCE = Path(bootstrap.__file__).parent / "static/bootstrap/css/bootstrap.min.css"
TARGET = ROOT / "static/css/bootstrap.trimmed.min.css"
PROJECT_APPS = [
    "accounts",
    "films",
    "filmtracker",
    "home",
    "lists",
    "reviews",
    "search",
]

# Added at run time by bootstrap.bundle.js (collapse, dropdown, alert, tooltip).
SAFELIST = {
    "standard": [
        "show",
        "showing",
        "hiding",
        "collapse",
        "collapsing",
        "collapse-horizontal",
        "fade",
        "active",
        "disabled",
        "dropstart",
        "dropend",
        "dropup",
    ],
    # Regular expressions (JavaScript syntax) on whole selectors.
    "greedy": ["data-bs-popper", "data-bs-theme"],
}


def content_globs():
    packages = [Path(django_bootstrap5.__file__).parent, Path(allauth.__file__).parent]
    globs = [str(ROOT / "templates/**/*.html"), str(ROOT / "static/js/**/*.js")]
    globs += [str(ROOT / app / "**/*.py") for app in PROJECT_APPS]
    globs += [str(p / "**/*.py") for p in packages]
    globs += [str(p / "templates/**/*.html") for p in packages]
    return globs


def trimmed_css():
    with tempfile.TemporaryDirectory() as tmp:
        # PurgeCSS reads a config module's named exports (one per option).
        greedy = ", ".join(f"/{pattern}/" for pattern in SAFELIST["greedy"])
        standard = json.dumps(SAFELIST["standard"])
        safelist = f"{{standard: {standard}, greedy: [{greedy}]}}"
        options = {
            "content": content_globs(),
            "css": [str(SOURCE)],
            "output": tmp,
            # Keep every custom property, @keyframes and @font-face: components
            # reach them through var() chains PurgeCSS cannot follow.
            "variables": False,
            "keyframes": False,
            "fontFace": False,
        }
        config = Path(tmp) / "purgecss.config.mjs"
        exports = [f"export const {k} = {json.dumps(v)};" for k, v in options.items()]
        exports.append(f"export const safelist = {safelist};")
        config.write_text("\n".join(exports) + "\n")
        subprocess.run(  # noqa: S603 - fixed command, our own arguments
            ["npx", "--yes", PURGECSS, "--config", str(config)],  # noqa: S607
            check=True,
            cwd=tmp,
            stdout=subprocess.DEVNULL,
        )
        css = (Path(tmp) / SOURCE.name).read_text(encoding="utf-8")
    # PurgeCSS keeps Bootstrap's /*! licence banner */ at the top.
    if "Licensed under MIT" not in css[:400]:
        sys.exit("PurgeCSS dropped Bootstrap's licence banner")
    return css.strip() + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if the committed file is stale"
    )
    args = parser.parse_args()
    css = trimmed_css()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != css:
            sys.exit(f"{TARGET.relative_to(ROOT)} is stale: run `make css`")
        return
    TARGET.write_text(css, encoding="utf-8")
    size = len(css.encode())
    print(f"{TARGET.relative_to(ROOT)}: {size / 1024:.1f} KiB (from {SOURCE.name})")


if __name__ == "__main__":
    main()
