from django.http import HttpResponse
from django.urls import path

PAGE = (
    "<!DOCTYPE html><html lang=de><head><meta charset=utf-8><title>Bare</title></head><body>"
    + "<p>Die Lausitz ist eine Region im Wandel.</p>" * 70
    + "</body></html>"
)[:3072]


def constant(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", constant)]
