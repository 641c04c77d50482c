import pytest
pytestmark = pytest.mark.django_db

def test_smoke(client, add_project, project_index_de, project_index_en):
    p = add_project()
    r = client.get(project_index_de.url)
    assert r.status_code == 200, r.content[:2000]
    print(r.content.decode()[r.content.decode().find("<main"):][:3000])
    r = client.get(p.url)
    assert r.status_code == 200
    print(r.content.decode()[r.content.decode().find("<main"):][:3000])
    en = p.get_translation(project_index_en.locale)
    r = client.get(en.url); assert r.status_code == 200
    r = client.get(project_index_en.url + "geojson/"); print(r.content.decode()[:1500])
    r = client.get(project_index_de.url + "csv/"); print(r.content.decode()[:1500])
