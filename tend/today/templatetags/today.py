from __future__ import annotations

from django import template
from django.template.context import Context
from django.template.loader import get_template
from django.utils.safestring import SafeString

from tend.today.panels import Panel

register = template.Library()


@register.simple_tag(takes_context=True)
def render_panel(context: Context, panel: Panel) -> SafeString:
    """Render a panel inside the page's own context.

    Like ``{% include %}``: the page's context processors ran once already, so a
    panel costs only its own template, not a second round of processors.
    """
    tpl = get_template(panel.template).template  # type: ignore[attr-defined]
    with context.push(panel.context):
        return SafeString(tpl.render(context))
