"""Admins issue and revoke API tokens; only the hash is stored and the raw token is shown once."""

from majlis.accounts.models import ApiToken, hash_token


def test_it_issues_a_token_shown_once_and_stored_hashed(client_for, alice, bob):
    response = client_for(alice).post("/accounts/tokens/", {"user": bob.pk, "name": "CMS plug-in"})
    raw = response.context["issued"]
    token = ApiToken.objects.get(user=bob)
    assert raw.startswith("mj_") and token.digest == hash_token(raw) and raw not in (token.prefix, token.digest)
    assert raw not in client_for(alice).get("/accounts/tokens/").content.decode()


def test_it_revokes_a_token_so_the_api_refuses_it(client_for, alice, bob, client):
    token, raw = ApiToken.issue(bob)
    client_for(alice).post(f"/accounts/tokens/{token.pk}/revoke/")
    client.logout()
    assert client.get("/api/v1/moderation/queue", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
