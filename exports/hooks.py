"""Where other apps add their data to a member's exports.

The lists app registers here, from its AppConfig.ready() (lists/apps.py,
lists/exports.py); this app never imports it:

    register_full_export_section("lists", member_lists_for_export)
    register_letterboxd_files(member_list_files)

- A full-export section is `build(*, user, base_url) -> JSON-ready value`;
  it becomes the top-level key `name` of GET /api/v1/exports/full/ (a
  registered "lists" replaces the empty list exports.selectors puts there).
  Document its shape in exports/api/serializers.py.
- A Letterboxd files builder is `build(*, user) -> iterable of (path, rows)`,
  `rows` an iterable of lists of cells (`[]` is a blank line); each becomes
  one CSV file in the ZIP, e.g. `lists/<name>.csv` in Letterboxd's list
  layout ("Letterboxd list export v7", a header, the list's row, a blank
  line, then `Position, Name, Year, URL, Description` rows). Cells are
  escaped against CSV injection on the way out.

Each builder must cost a constant number of queries, whatever the rows.
"""

_full_export_sections = {}
_letterboxd_file_builders = []


def register_full_export_section(name, build):
    _full_export_sections[name] = build


def register_letterboxd_files(build):
    if build not in _letterboxd_file_builders:
        _letterboxd_file_builders.append(build)


def full_export_sections():
    """{name: build} registered so far."""
    return dict(_full_export_sections)


def letterboxd_file_builders():
    """[build] registered so far."""
    return list(_letterboxd_file_builders)
