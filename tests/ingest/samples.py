"""Sample inputs shared by the ingest tests."""

from __future__ import annotations

import struct
import zlib

NEWS_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Flood hits riverside town | Daily Bugle</title>
<meta property="og:title" content="Flood hits riverside town">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2017-09-28T10:00:00Z">
<meta property="og:site_name" content="Daily Bugle">
<style>body { color: red; } .promo { display: none; }</style>
<script>alert(1)</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Flood hits riverside town</h1>
<p>Heavy rain caused the river to burst its banks on Thursday, flooding dozens of homes
in the town centre, officials said.</p>
<script>alert(1)</script>
<p>Emergency services evacuated more than 200 residents overnight, and the mayor said the
damage would take months to repair.</p>
<p>Forecasters expect more rain over the weekend, with warnings in place for much of the
region until Sunday evening.</p>
</article>
<footer><p>Copyright 2017 Daily Bugle. All rights reserved. Privacy policy.</p></footer>
</body></html>
"""


def png_bytes() -> bytes:
    """A complete, valid 1x1 PNG image."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
