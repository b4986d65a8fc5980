from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from films.models import Film

PAGE_SIZE = 20


def search(request):
    query = request.GET.get("q", "").strip()
    results = Film.objects.none()
    if query:
        results = Film.objects.select_related("poster").search(query)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"query": query, "page_obj": page}
    )
