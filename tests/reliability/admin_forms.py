"""Filling in the Wagtail admin's film form the way an editor's browser does."""

from django.urls import reverse


def film_form_data(client, film, **changes):
    """The edit form's current values for `film`, with `changes`, as POST data.

    `client` must be signed in as someone who may edit films.
    """
    url = reverse("wagtailsnippets_films_film:edit", args=[film.pk])
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:  # unchecked or empty: not sent
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list) else value
    # Inline panels (the film's translations) post as formsets.
    for formset in getattr(form, "formsets", {}).values():
        for subform in [formset.management_form, *formset.forms]:
            for name in subform.fields:
                value = subform[name].value()
                if value is not None and value is not False:
                    data[subform.add_prefix(name)] = value
    data.update(changes)
    return data
