"""HTML → PDF with WeasyPrint, reading only the project's own static PDF assets.

The fetcher refuses every URL that is not a local file below static/pdf/ or an inline data: URI
(a gemeente's logo, see Verordening.logo_als_data_uri), so no template or user input can make a
render reach the network or read other files.
"""

import functools
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

PDF_ASSETS = (settings.BASE_DIR / "static" / "pdf").resolve()


class AlleenEigenBestanden(URLFetcher):
    def __init__(self) -> None:
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)  # the bytes are in the URL itself: nothing is read
        pad = Path(unquote(urlparse(url).path)).resolve()
        if not pad.is_relative_to(PDF_ASSETS):
            raise ValueError(f"PDF mag {url} niet laden")
        return super().fetch(url, headers)


@functools.cache
def _stylesheet() -> CSS:
    # Parsed once per worker process: the stylesheet is part of the code, not of the data.
    return CSS(filename=str(PDF_ASSETS / "document.css"), url_fetcher=AlleenEigenBestanden())


def html_naar_pdf(html: str) -> bytes:
    """Render a complete HTML document (with <title> and lang="nl") to a tagged PDF/UA-1.

    PDF/UA-1 gives the structure tree (/MarkInfo Marked), the document language (/Lang from the
    html element), the title shown instead of the file name, and embedded font subsets."""
    document = HTML(string=html, base_url=PDF_ASSETS.as_uri() + "/", url_fetcher=AlleenEigenBestanden())
    return document.write_pdf(stylesheets=[_stylesheet()], pdf_variant="pdf/ua-1")
