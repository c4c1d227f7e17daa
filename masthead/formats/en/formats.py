"""The newsroom's date formats for English (Django's defaults are American: "Dec. 4, 2026, 11 p.m.").

Day month year and a 24-hour clock, as the site's articles print them; used wherever Django or
Wagtail format a date without an explicit format (admin listings, refusals, emails).
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday
