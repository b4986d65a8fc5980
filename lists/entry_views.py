"""The owner's writes to a list's entries: add, move, change a note, remove.

POST only, each redirecting (PRG) to the list page at the entry, or back to
the film page it came from. The list is looked up with `owner=request.user`:
another member's list or entry is a 404, whatever its visibility.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import verified_member_required
from films.models import Film

from .forms import EntryNoteForm, EntryPositionForm
from .models import List, ListEntry
from .selectors import ENTRIES_PAGE_SIZE
from .services import list_entry_add, list_entry_remove, list_entry_update


def _at_entry(film_list, position=None, entry_pk=None):
    url = film_list.get_absolute_url()
    if position:
        page = (position - 1) // ENTRIES_PAGE_SIZE + 1
        url += f"?page={page}" if page > 1 else ""
    return url + (f"#entry-{entry_pk}" if entry_pk else "#entries")


def _safe_next(request):
    url = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if url and allowed else None


def _id(raw):
    return int(raw) if raw and raw.isascii() and raw.isdigit() and len(raw) < 19 else 0


def _error_text(error):
    return " ".join(
        message for messages_ in error.message_dict.values() for message in messages_
    )


@verified_member_required
@require_POST
def entry_add(request):
    """Add the POSTed `film` (id) to the POSTed `list` (id) of the member's own."""
    film_list = get_object_or_404(
        List.objects.select_related("owner"),
        pk=_id(request.POST.get("list")),
        owner=request.user,
    )
    film = get_object_or_404(Film, pk=_id(request.POST.get("film")))
    form = EntryNoteForm(request.POST)
    note = (
        form.cleaned_data["note"] if form.is_valid() else request.POST.get("note", "")
    )
    back = _safe_next(request)
    try:
        entry = list_entry_add(
            user=request.user, list_id=film_list.pk, film=film, note=note
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(back or _at_entry(film_list))
    messages.success(
        request,
        _("%(film)s was added to %(list)s.")
        % {"film": film.display_title, "list": film_list.title},
    )
    return redirect(back or _at_entry(film_list, entry.position, entry.pk))


@verified_member_required
@require_POST
def entry_update(request, pk, entry_pk):
    """Move an entry (`position`) and/or change its note (`note`)."""
    film_list = get_object_or_404(
        List.objects.select_related("owner"), pk=pk, owner=request.user
    )
    get_object_or_404(ListEntry, pk=entry_pk, list=film_list)
    changes = {}
    if "position" in request.POST:
        form = EntryPositionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a position from 1 on."))
            return redirect(_at_entry(film_list, entry_pk=entry_pk))
        changes["position"] = form.cleaned_data["position"]
    if "note" in request.POST:
        changes["note"] = request.POST["note"]
    try:
        entry = list_entry_update(
            user=request.user, list_id=film_list.pk, entry_id=entry_pk, **changes
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(_at_entry(film_list, entry_pk=entry_pk))
    except ListEntry.DoesNotExist:  # removed meanwhile, in another tab
        return redirect(_at_entry(film_list))
    if "position" in changes:
        messages.success(
            request,
            _("%(film)s is now number %(position)d.")
            % {"film": entry.film.display_title, "position": entry.position},
        )
    else:
        messages.success(request, _("The note was saved."))
    return redirect(_at_entry(film_list, entry.position, entry.pk))


# Removing needs no verified email: members may always remove their own data.
@login_required
@require_POST
def entry_remove(request, pk, entry_pk):
    film_list = get_object_or_404(
        List.objects.select_related("owner"), pk=pk, owner=request.user
    )
    entry = get_object_or_404(
        ListEntry.objects.select_related("film"), pk=entry_pk, list=film_list
    )
    list_entry_remove(user=request.user, list_id=film_list.pk, entry_id=entry.pk)
    messages.success(
        request,
        _("%(film)s was removed from the list.") % {"film": entry.film.display_title},
    )
    return redirect(_at_entry(film_list, entry.position))
