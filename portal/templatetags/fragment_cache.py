"""``{% fragment "name" obj … %}…{% endfragment %}``: the enclosed HTML rendered once per
generation, language, site and the objects named, then served from the fragment cache
(``portal.caching.fragments``, where the rules are). Previews and pages that are not live
always render.

Whatever the enclosed part needs should be computed lazily (in the template, or as a lazy
value in the context): on a hit nothing inside runs, which is the point.
"""

from django import template
from django.utils.safestring import mark_safe

from portal.caching.fragments import cached_fragment

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, objects):
        self.nodelist = nodelist
        self.name = name
        self.objects = objects

    def render(self, context):
        name = self.name.resolve(context)
        objects = [obj.resolve(context) for obj in self.objects]
        return mark_safe(
            cached_fragment(
                context.get("request"), name, objects, lambda: self.nodelist.render(context)
            )
        )


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' needs a name: {% fragment \"name\" page %}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
