"""Who may open which page of the workspace.

Every workspace view is wrapped in one of these decorators: ``staff_required`` lets in any account
with a moderator profile (or a superuser), ``admin_required`` only admins. An anonymous visitor is
sent to the login page; a logged-in account without the role gets ``403``, never a redirect loop.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from majlis.accounts.scopes import moderator_of


def is_staff_member(user) -> bool:
    """Return ``True`` if ``user`` may work the moderation queue."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or moderator_of(user) is not None


def is_admin(user) -> bool:
    """Return ``True`` if ``user`` may change settings, manage moderators and reverse decisions."""
    if not is_staff_member(user):
        return False
    if user.is_superuser:
        return True
    return moderator_of(user).is_admin


def _requiring(test):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not test(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


staff_required = _requiring(is_staff_member)
admin_required = _requiring(is_admin)
