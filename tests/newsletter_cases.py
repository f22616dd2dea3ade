"""Newsletter cases shared by the unit tests of ``signup_form`` and the build tests, so that
adding a provider adds one line here."""

from __future__ import annotations

MISSING_REQUIRED = [
    ({"provider": "buttondown"}, "provider 'buttondown' needs 'username'"),
    ({"provider": "kit"}, "provider 'kit' needs 'form_id'"),
    ({"provider": "mailchimp"}, "provider 'mailchimp' needs 'url'"),
    ({"provider": "substack"}, "provider 'substack' needs 'publication'"),
    ({"provider": "beehiiv"}, "provider 'beehiiv' needs 'form_id'"),
    ({"provider": "ghost"}, "provider 'ghost' needs 'site'"),
    ({"provider": "custom"}, "provider 'custom' needs 'action'"),
]
"""Each provider without the option it needs, and the start of the message saying so."""

BEEHIIV_FORM_ID = "0f1e2d3c-4b5a-4697-8877-665544332211"
"""A beehiiv form id: a UUID, which the embed's address carries in lower case."""
