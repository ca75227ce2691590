"""Client addresses: which one to believe, and how little of it to keep."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or the last untrusted hop of X-Forwarded-For when the peer is a trusted proxy."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.MAJLIS_TRUSTED_PROXIES
    if remote in trusted:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        for hop in reversed(hops):
            if hop not in trusted:
                return hop
    return remote


def truncate(address: str) -> str:
    """Keep the network only: /24 for IPv4, /48 for IPv6 (as Isso's ``anonymize`` does)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))
