"""``{% fragment "name" obj … %}…{% endfragment %}``: the enclosed HTML rendered once per
generation, language, site and the objects named, then served from the fragment cache
(``portal.caching.fragments``, where the rules are). Previews and pages that are not live
always render.

Whatever the enclosed part needs should be computed lazily (in the template, or as a lazy
value in the context): on a hit nothing inside runs, which is the point.
"""

from django import template
from django.utils.safestring import mark_safe

from portal.caching.fragments import cached_fragment, cached_fragments

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


class FragmentEachNode(template.Node):
    def __init__(self, nodelist, name, items, variable, vary, prepare):
        self.nodelist = nodelist
        self.name = name
        self.items = items
        self.variable = variable
        self.vary = vary
        self.prepare = prepare

    def render(self, context):
        def render_one(item):
            with context.push(**{self.variable: item}):
                return self.nodelist.render(context)

        prepare = self.prepare.resolve(context) if self.prepare is not None else None
        return mark_safe(
            "".join(
                cached_fragments(
                    context.get("request"),
                    self.name.resolve(context),
                    self.items.resolve(context) or [],
                    [obj.resolve(context) for obj in self.vary],
                    render_one,
                    prepare if callable(prepare) else None,
                )
            )
        )


@register.tag("fragment_each")
def do_fragment_each(parser, token):
    """``{% fragment_each "name" items as item [vary …] [prepare=callable] %}…
    {% endfragment_each %}``: the enclosed HTML once per item, each item's kept as its own
    fragment (one cache round trip for all); ``prepare(missing_items)`` runs before the
    misses are rendered, for the prefetches only they need."""
    bits = token.split_contents()
    if len(bits) < 5 or bits[3] != "as":
        raise template.TemplateSyntaxError(
            'usage: {% fragment_each "name" items as item [vary …] [prepare=callable] %}'
        )
    prepare = None
    vary = []
    for bit in bits[5:]:
        if bit.startswith("prepare="):
            prepare = parser.compile_filter(bit.removeprefix("prepare="))
        else:
            vary.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endfragment_each",))
    parser.delete_first_token()
    return FragmentEachNode(
        nodelist,
        parser.compile_filter(bits[1]),
        parser.compile_filter(bits[2]),
        bits[4],
        vary,
        prepare,
    )
