"""The URLs of the «Orders» pages (included by ``reports/urls.py``, namespace ``reports``)."""

from django.urls import path

from .views import (
    order_detail,
    order_edit,
    order_file,
    order_list,
    order_new,
    order_remove,
    order_sign,
    requisites,
)

urlpatterns = [
    path("orders/", order_list, name="orders"),
    path("orders/new/<slug:order_kind>/", order_new, name="order_new"),
    path("orders/requisites/", requisites, name="order_requisites"),
    path("orders/<int:order>/", order_detail, name="order_detail"),
    path("orders/<int:order>/edit/", order_edit, name="order_edit"),
    path("orders/<int:order>/file/<slug:fmt>/", order_file, name="order_file"),
    path("orders/<int:order>/sign/", order_sign, name="order_sign"),
    path("orders/<int:order>/delete/", order_remove, name="order_delete"),
]
