"""Films: the asset model (``models``), its upload checks (``validators``), the rules on its
sources and caption tracks (``sources``, ``forms``), external embeds (``embeds``), what a
player needs (``rendering``), the block for any page body (``blocks``), the film library in
the admin (``admin``) and the search rows of the pages that show a film (``search_index``).
"""
