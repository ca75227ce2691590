"""Template helpers of the workspace: the role check for the navigation, and the category labels."""

from django import template
from django.utils.translation import gettext

from majlis.accounts.roles import is_admin
from majlis.screening.categories import BY_CODE

register = template.Library()


@register.simple_tag(takes_context=True)
def workspace_admin(context) -> bool:
    """Whether the logged-in account is an admin (the nav shows the admin pages only to them)."""
    request = context.get("request")
    return bool(request and is_admin(request.user))


@register.filter
def category_label(code: str) -> str:
    """The translated label of a guideline category code (the code itself when unknown)."""
    category = BY_CODE.get(code)
    return gettext(category.label) if category else code
