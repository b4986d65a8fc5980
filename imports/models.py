"""A member's import of their Letterboxd history, and its rows.

The upload is read and checked in the request (`imports.letterboxd_files`);
what is kept is the parsed rows, never the file. A background job
(`imports.tasks.letterboxd_import_run`) then matches each row to a film and
applies it to the member's data, committing its progress a chunk at a time,
so a worker killed mid-import leaves finished rows finished and the job,
run again, carries on with the rest.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from films.models import Film


class LetterboxdImport(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="letterboxd_imports",
    )
    filename = models.CharField(_("file name"), max_length=255)
    replace = models.BooleanField(
        _("replace what I have"),
        default=False,
        help_text=_("Overwrite ratings, statuses and reviews already here."),
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    matched = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    # [{"file": "lists/favourites.csv", "reason": "..."}]
    ignored_files = models.JSONField(default=list, blank=True)
    # Rows the file could not give (malformed): [{"file", "line", "reason"}]
    problems = models.JSONField(default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Letterboxd import")
        verbose_name_plural = _("Letterboxd imports")

    def __str__(self):
        return f"{self.owner} – {self.filename} ({self.status})"

    def get_absolute_url(self):
        return reverse("imports:detail", kwargs={"pk": self.pk})

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self):
        """Progress 0–100 (an empty import is done, so 100)."""
        if not self.total:
            return 100 if self.finished else 0
        return min(100, round(100 * self.processed / self.total))

    @property
    def percent_step(self):
        """`percent` rounded down to 5 (the progress bar's CSS classes)."""
        return self.percent // 5 * 5


class LetterboxdRow(models.Model):
    """One row of one of the export's CSV files, and what became of it."""

    class Source(models.TextChoices):
        # The order rows are applied in: viewings first, the watchlist last
        # (a film is "want to watch" only if nothing says it was watched).
        DIARY = "diary", "diary.csv"
        WATCHED = "watched", "watched.csv"
        RATINGS = "ratings", "ratings.csv"
        REVIEWS = "reviews", "reviews.csv"
        WATCHLIST = "watchlist", "watchlist.csv"
        # Entries of lists/<name>.csv (imports.list_applying), applied last.
        LIST = "list", "lists/"

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        MATCHED = "matched", _("Matched")
        AMBIGUOUS = "ambiguous", _("Several films could be meant")
        UNMATCHED = "unmatched", _("No film found")
        FAILED = "failed", _("Not imported")

    class Outcome(models.TextChoices):
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Updated")
        UNCHANGED = "unchanged", _("Unchanged")

    letterboxd_import = models.ForeignKey(
        LetterboxdImport, on_delete=models.CASCADE, related_name="rows"
    )
    # Processing order within the import (see Source).
    position = models.PositiveIntegerField()
    source = models.CharField(max_length=10, choices=Source.choices)
    line = models.PositiveIntegerField(help_text=_("Line in the CSV file, from 1."))
    # The file the row came from when it is not the source's own (a row of
    # Letterboxd's import layout, films-import.csv, gives several rows).
    file = models.CharField(max_length=255, blank=True)
    name = models.CharField(max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    letterboxd_uri = models.CharField(max_length=255, blank=True)
    # The film's ids when the file has them (our own exports, Letterboxd's
    # import layout): they match before the name and year do.
    tmdb_id = models.PositiveIntegerField(null=True, blank=True)
    imdb_id = models.CharField(max_length=12, blank=True)
    watched_on = models.DateField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)  # 1-10
    review = models.TextField(blank=True)  # reviews.csv: the film's review
    note = models.TextField(blank=True)  # diary.csv: the viewing's note
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    film = models.ForeignKey(
        Film, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # This row created the member's entry for the film, so later rows of the
    # same import may change it even without "replace what I have".
    created_entry = models.BooleanField(default=False)
    # [{"film": id or None, "tmdb_id": id or None, "title": str, "year": int}]
    candidates = models.JSONField(default=list, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    # A list file's entry: its list, place in the file (1..N) and note.
    letterboxd_list = models.ForeignKey(
        "LetterboxdList",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rows",
    )
    list_position = models.PositiveIntegerField(null=True, blank=True)
    list_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["letterboxd_import", "position"],
                name="imports_row_one_per_position",
            )
        ]
        indexes = [
            models.Index(
                fields=["letterboxd_import", "state", "position"],
                name="imports_row_state",
            )
        ]

    def __str__(self):
        year = f" ({self.year})" if self.year else ""
        return f"{self.file_name} line {self.line}: {self.name}{year}"

    @property
    def file_name(self):
        """The name of the file the row came from (`diary.csv`)."""
        return self.file or self.get_source_display()

    def get_source_display(self):
        """The file the row is from, as reports name it: `diary.csv`, or a
        list's own `lists/<name>.csv` (replacing Django's choice label)."""
        if self.source == self.Source.LIST and self.letterboxd_list_id:
            return self.letterboxd_list.file
        return self.Source(self.source).label


class LetterboxdList(models.Model):
    """One `lists/<name>.csv` of an import, and the member's list it went to.

    Set up once by the job (imports.list_applying.letterboxd_lists_prepare):
    the member's list with the same title, or a new private one. `rebuilt`
    when this import made or replaced the list's entries, so its rows go at
    their place in the file; else they are added at the end and the
    member's own order is kept.
    """

    class Outcome(models.TextChoices):
        CREATED = "created", _("Created")
        REPLACED = "replaced", _("Replaced")
        KEPT = "kept", _("Already here: films added at the end")
        FAILED = "failed", _("Not imported")

    letterboxd_import = models.ForeignKey(
        LetterboxdImport, on_delete=models.CASCADE, related_name="lists"
    )
    file = models.CharField(max_length=255)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    ranked = models.BooleanField(default=False)
    film_list = models.ForeignKey(
        "lists.List",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    prepared = models.BooleanField(default=False)
    rebuilt = models.BooleanField(default=False)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    # The replaced list's entries: {film id: [position, note]} (outcomes).
    previous = models.JSONField(default=dict, blank=True)
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["file", "pk"]

    def __str__(self):
        return f"{self.file}: {self.title}"
