"""The admin's login form with a translated password label.

Wagtail 8.0.1's ``LoginForm`` declares its ``password`` field without a label, so Django
names it after the field ("Password"), in English whatever the admin's language; the
username field gets its label from the user model and is translated. Set as
``WAGTAILADMIN_USER_LOGIN_FORM``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
