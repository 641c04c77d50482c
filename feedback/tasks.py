"""Background work of the feedback channel: the mail about a new report.

Sent by the task worker (``PORTAL_TASKS``), not inside the visitor's request: a slow or
failing mail server must neither delay the confirmation nor lose the stored report.
"""

from django_tasks import task

from feedback import mail
from feedback.models import AccessibilityReport


@task()
def notify_new_report(report_id: int) -> bool:
    report = AccessibilityReport.objects.filter(pk=report_id).first()
    if report is None:  # deleted before the worker got to it
        return False
    mail.send_new_report(report)
    return True
