"""The site profile page (admins): names and guidelines per language, widget origins, decision
emails; what it saves is what readers see, and a mistake keeps everything typed."""

import pytest

from majlis.publications.models import Site


def url(site):
    return f"/moderation/settings/{site.pk}/profile/"


def form_data(site, **changes):
    data = {"name": site.name, "allowed_origins": site.allowed_origins}
    data.update({f"guidelines_{code}": text for code, text in site.guidelines.items()})
    data.update({f"name_{code}": name for code, name in site.names.items()})
    data.update(changes)
    return data


def test_it_is_for_admins_only(client_for, bob, site):
    assert client_for(bob).get(url(site)).status_code == 403
    assert client_for(bob).post(url(site), form_data(site, name="Hijacked")).status_code == 403
    assert Site.objects.get(pk=site.pk).name == "The Test Times"


def test_it_shows_the_saved_profile_with_each_language_written_in_its_direction(client_for, alice, site):
    html = client_for(alice).get(url(site)).content.decode()
    assert 'value="The Test Times"' in html and "التزم بالموضوع." in html
    assert 'name="guidelines_ar"' in html and 'lang="ar"' in html and 'dir="rtl"' in html
    assert 'name="name_kmr"' in html and 'lang="kmr" dir="ltr"' in html.replace('dir="ltr" lang="kmr"', 'lang="kmr" dir="ltr"')
    assert 'href="/moderation/settings/%d/"' % site.pk in html  # the tab back to automation


def test_it_saves_names_guidelines_origins_and_decision_emails(client_for, alice, site):
    data = form_data(site, name="The Times", name_ar="التايمز", name_ckb="  ", guidelines_fa="به موضوع بپردازید.",
                     guidelines_ar="", allowed_origins="https://news.example/\n\nhttps://www.news.example:8443",
                     notify_authors="on")
    response = client_for(alice).post(url(site), data)
    assert response.status_code == 302 and response["Location"] == url(site)
    site.refresh_from_db()
    assert site.name == "The Times" and site.names == {"ar": "التايمز"}
    assert site.guidelines == {"en": "Be relevant.\nNo insults.", "fa": "به موضوع بپردازید."}
    assert site.origins() == ["https://news.example", "https://www.news.example:8443"]
    assert site.notify_authors is True


@pytest.mark.parametrize("origin", ["news.example", "ftp://news.example", "https://news.example/comments",
                                    "https://news.example:99999", "https://"])
def test_it_refuses_an_origin_that_is_not_scheme_host_port_and_keeps_what_was_typed(client_for, alice, site, origin):
    data = form_data(site, name="A new name", guidelines_tr="Konuya bağlı kalın.",
                     allowed_origins=f"https://ok.example\n{origin}")
    response = client_for(alice).post(url(site), data)
    html = response.content.decode()
    assert response.status_code == 200 and "scheme://host[:port]" in html and origin in html
    assert "Konuya bağlı kalın." in html and 'value="A new name"' in html
    assert "<h1>Site profile of The Test Times</h1>" in html  # the saved name, not the typed one
    saved = Site.objects.get(pk=site.pk)
    assert (saved.name, saved.allowed_origins, saved.guidelines.get("tr")) == ("The Test Times", "http://127.0.0.1:9999", None)


def test_it_refuses_a_blank_name(client_for, alice, site):
    response = client_for(alice).post(url(site), form_data(site, name=" "))
    assert response.status_code == 200 and "This field is required." in response.content.decode()


def test_readers_see_the_saved_name_and_guidelines_escaped(client_for, alice, client, site, articles):
    data = form_data(site, name_ar="<b>التايمز</b>", guidelines_ar="لا شتائم.\n<script>alert(1)</script>")
    assert client_for(alice).post(url(site), data).status_code == 302
    client.logout()
    html = client.get(articles["ar"].get_absolute_url()).content.decode()
    assert "&lt;b&gt;التايمز&lt;/b&gt;" in html and "<b>التايمز" not in html
    assert "<li>لا شتائم.</li>" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    english = client.get(articles["en"].get_absolute_url()).content.decode()
    assert "The Test Times" in english and "التايمز" not in english
