"""The public, read-only site (issue 12): invitations with filters and search, a page per
invitation with its timeline drawn as SVG, a page per figure, Atom feeds of new invitations
and status changes, and a JSON API of the `invitations list --json` records.

- `site.py`: the aiohttp application (routes, errors, security headers), `serve`
- `params.py`: query strings to filters, keyset cursors (pure)
- `svg.py`: the timeline's geometry and the status colours (pure)
- `atom.py`: Atom documents (pure); `render.py`: Jinja2; `text.py`: shared helpers
- `templates/`, `static/`: package data
"""

from __future__ import annotations

from bot.web.site import SiteOptions, bound, build_app, serve

__all__ = ["SiteOptions", "bound", "build_app", "serve"]
