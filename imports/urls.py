from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("", views.import_upload, name="upload"),
    path("<int:pk>/", views.import_detail, name="detail"),
    path("<int:pk>/rows/<int:row_id>/find/", views.row_find, name="row_find"),
    path("<int:pk>/rows/<int:row_id>/resolve/", views.row_resolve, name="row_resolve"),
]
