"""Films: the asset model (``models``), its upload checks (``validators``, ``caption_files``),
the rules on its sources and caption tracks (``sources``, ``forms``), external embeds
(``embeds``), what a player needs (``rendering``), the block for any page body (``blocks``),
the film library in the admin (``admin``, ``admin_views``, ``processing_panel``) and the
search rows of the pages that show a film (``search_index``).

The pipeline that turns an uploaded master into what visitors play: its state per master
(``encoding``), queueing and reading it (``pipeline``, ``signals``), publishing once ready
(``publishing``), the worker's task (``tasks``), the ffmpeg work (``transcoding/``), the
poster stills (``posters``) and the set-up checks (``checks``).
"""
