"""The role that reads and answers accessibility reports: the group "Barrierefreiheit".

Reports hold personal data (names, e-mail addresses, descriptions of a disability's
effects), so they are not given to the editorial role (Redaktion) wholesale; whoever
answers them is put in this group. Created by ``migrate`` (after the permissions exist), so
a new site has it without a separate step; an existing group is left as administrators
made it.
"""

from django.contrib.auth.models import Group, Permission

GROUP = "Barrierefreiheit"
ACTIONS = ("view", "change")


def ensure_role(**kwargs) -> Group | None:
    perms = list(
        Permission.objects.filter(
            content_type__app_label="feedback",
            codename__in=[f"{action}_accessibilityreport" for action in ACTIONS],
        )
    )
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if len(perms) != len(ACTIONS) or access is None:
        return None  # an app's permissions are not there yet (partial migrate)
    group, created = Group.objects.get_or_create(name=GROUP)
    if created:  # later changes by an administrator are kept
        group.permissions.add(access, *perms)
    return group
