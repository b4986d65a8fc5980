"""The site's list pages (a member's lists, one list) and the owner's forms.

Every write is a POST that redirects (PRG) and acts only on the requesting
member's own list: the list is looked up with `owner=request.user`, so any
other id is a 404 whatever its visibility.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.decorators import verified_member_required
from filmtracker.page_cache import cache_public_page
from search.selectors import film_autocomplete

from .cache import member_lists_key
from .forms import ListForm
from .models import List
from .selectors import (
    ENTRIES_PAGE_SIZE,
    LISTS_PAGE_SIZE,
    attach_previews,
    list_entries,
    list_get,
    list_watched_count,
    member_lists,
)
from .services import list_create as create_list
from .services import list_delete as delete_list
from .services import list_update

SEARCH_MAX_LENGTH = 200


def _member(username):
    return get_object_or_404(get_user_model(), username=username, is_active=True)


def _films_on_page(response):
    return response.context_data["film_ids"]


def _member_keys(response):
    return [member_lists_key(response.context_data["member"].pk)]


# Anonymous visitors get these pages from the page cache until the member's
# lists (lists/cache.py) or a film shown changes.
_cached = cache_public_page(films_from=_films_on_page, keys_from=_member_keys)


@_cached
def list_index(request, username):
    """A member's lists, newest first: public ones, and all of them to the owner."""
    member = _member(username)
    page = Paginator(
        member_lists(owner=member, viewer=request.user), LISTS_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    page.object_list = attach_previews(page.object_list)
    return TemplateResponse(
        request,
        "lists/list_index.html",
        {
            "member": member,
            "is_owner": request.user == member,
            "page_obj": page,
            "film_ids": [f.pk for lst in page.object_list for f in lst.preview],
        },
    )


def _search(request):
    """The owner's "add a film" search on the list page (no JavaScript needed)."""
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH].replace("\x00", "")
    return query, (list(film_autocomplete(text=query)) if query else [])


@_cached
def list_detail(request, username, slug):
    """One list: posters or ranked rows, with the owner's ratings."""
    try:
        film_list = list_get(owner_username=username, slug=slug, viewer=request.user)
    except List.DoesNotExist:
        raise Http404(_("No such list.")) from None
    page = Paginator(list_entries(film_list=film_list), ENTRIES_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    is_owner = request.user == film_list.owner
    context = {
        "film_list": film_list,
        "member": film_list.owner,
        "is_owner": is_owner,
        "page_obj": page,
        "total": page.paginator.count,
        "film_ids": [entry.film_id for entry in page.object_list],
    }
    if request.user.is_authenticated:
        context["watched"] = list_watched_count(
            film_list=film_list, viewer=request.user
        )
    if is_owner:
        context["query"], context["found"] = _search(request)
    response = TemplateResponse(request, "lists/list_detail.html", context)
    if film_list.visibility != List.Visibility.PUBLIC:
        # Unlisted lists are shared by link, not found by search engines.
        response["X-Robots-Tag"] = "noindex"
    return response


def _own_list(request, pk):
    return get_object_or_404(
        List.objects.select_related("owner"), pk=pk, owner=request.user
    )


def _form_page(request, form, film_list=None, status=200):
    return TemplateResponse(
        request,
        "lists/list_form.html",
        {"form": form, "film_list": film_list},
        status=status,
    )


@verified_member_required
@require_http_methods(["GET", "POST"])
def list_create(request):
    form = ListForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            film_list = create_list(owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(
                request, _("Your list %(title)s was made.") % {"title": film_list}
            )
            return redirect(film_list)
    status = 400 if form.is_bound else 200
    return _form_page(request, form, status=status)


@verified_member_required
@require_http_methods(["GET", "POST"])
def list_edit(request, pk):
    film_list = _own_list(request, pk)
    initial = {
        "title": film_list.title,
        "description": film_list.description,
        "visibility": film_list.visibility,
        "ranked": film_list.ranked,
    }
    form = ListForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            film_list = list_update(
                user=request.user, list_id=film_list.pk, **form.cleaned_data
            )
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(request, _("Your list was saved."))
            return redirect(film_list)
    status = 400 if form.is_bound else 200
    return _form_page(request, form, film_list, status=status)


# Deleting needs no verified email: members may always remove their own data.
@login_required
@require_http_methods(["GET", "POST"])
def list_delete(request, pk):
    film_list = _own_list(request, pk)
    if request.method == "POST":
        delete_list(user=request.user, list_id=film_list.pk)
        messages.success(
            request, _("Your list %(title)s was deleted.") % {"title": film_list}
        )
        return redirect("lists:index", username=request.user.username)
    return TemplateResponse(
        request,
        "lists/list_confirm_delete.html",
        {"film_list": film_list, "total": film_list.entries.count()},
    )
