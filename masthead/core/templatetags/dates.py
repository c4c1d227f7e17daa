"""{% today format %}: today's date in the newsroom's zone, in a format the catalogue may reorder.

Django's `{% now %}` takes only a literal format, so a Chinese page would print Chinese day and month
names in the English order ("星期六, 5 十二月 2026"). Here the format is a translated string
(`{% today _("l, j F Y") %}`), and zh_Hans gives it the Chinese order ("2026年12月5日 星期六").
"""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date

register = template.Library()


@register.simple_tag
def today(date_format):
    return format_date(timezone.localtime(), date_format)
