"""The public site as an aiohttp application: read-only (GET and HEAD only), every page
rendered on the server, the store read in a worker thread so the bot's event loop (when
`run` serves the site) never waits on the database."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

from aiohttp import web

from bot.domain import InvitationState, Status
from bot.errors import InvitewatchError, StoreError
from bot.records import invitation_to_json
from bot.store.api import ChangeFilter, InvitationFilter, ListCursor, Store, Unit
from bot.web.atom import FeedInfo, atom_feed
from bot.web.params import BadQuery, ListQuery, ResolveFigure, parse_id, parse_list_query
from bot.web.render import render
from bot.web.text import figure_path, status_label

log = logging.getLogger(__name__)
T = TypeVar("T")
FEED_SIZE = 50
HTML = "text/html"
STATIC = {"site.css": "text/css", "icon.svg": "image/svg+xml"}
# Nothing but the site's own stylesheet: no script, no frame, no form elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True)
class SiteOptions:
    public_base_url: str = ""  # "" : each request's own address
    resolve_figure: ResolveFigure | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list, most recent first, and the cursor of the next (None: last)."""

    items: list[InvitationState]
    next_after: ListCursor | None


class NotFound(InvitewatchError):
    """No such record, figure or status; the message says which."""


class Site:
    def __init__(self, store: Store, options: SiteOptions) -> None:
        self.store = store
        self.options = options
        # The path the site lives under behind a proxy ("/invitewatch"), for its links.
        self.root = urlsplit(options.public_base_url).path.rstrip("/")

    # -- plumbing ---------------------------------------------------------------------
    async def read(self, job: Callable[[Unit], T]) -> T:
        def run() -> T:
            with self.store.unit(read_only=True) as unit:
                return job(unit)
        return await asyncio.to_thread(run)

    def base_url(self, request: web.Request) -> str:
        return self.options.public_base_url or f"{request.scheme}://{request.host}"

    def page(self, template: str, status: int = 200, **context: Any) -> web.Response:
        body = render(template, root=self.root, **context)
        return web.Response(text=body, status=status, content_type=HTML, charset="utf-8")

    def list_filter(self, query: ListQuery) -> InvitationFilter:
        return InvitationFilter(status=query.statuses, figure_key=query.figure_key,
                                lang=query.lang, search=query.search or None,
                                limit=query.limit, after=query.after)

    async def list_page(self, flt: InvitationFilter) -> Page:
        found = await self.read(lambda unit: unit.invitation_page(flt))
        last = found.items[-1] if found.more and found.items else None
        return Page(found.items, ListCursor.of(last) if last is not None else None)

    def parse(self, request: web.Request) -> ListQuery:
        single = {k: v for k, v in request.query.items() if k != "status"}
        return parse_list_query(single, request.query.getall("status", []),
                                self.options.resolve_figure)

    # -- pages --------------------------------------------------------------------------
    async def index(self, request: web.Request) -> web.Response:
        query = self.parse(request)
        page = await self.list_page(self.list_filter(query))
        next_url = (f"{self.root}/?{urlencode(query.params(after=page.next_after))}"
                    if page.next_after else None)
        return self.page("list.html", query=query, page=page, next_url=next_url,
                         first_url=f"{self.root}/?{urlencode(query.params())}"
                         if query.after else None,
                         feed_url=f"{self.root}/feeds/all.atom")

    async def invitation(self, request: web.Request) -> web.Response:
        inv = await self.visible(request.match_info["id"])
        return self.page("invitation.html", inv=inv)

    async def visible(self, text: str) -> InvitationState:
        number = parse_id(text)
        inv = None
        if number is not None:
            inv = await self.read(lambda unit: unit.get_invitation(number))
        if inv is None or inv.hidden:  # a hidden record is, to readers, no record
            raise NotFound(f"There is no invitation #{text}.")
        return inv

    async def figure(self, request: web.Request) -> web.Response:
        key = request.match_info["key"]
        query = replace(self.parse(request), figure="", figure_key=key)
        flt = self.list_filter(query)
        name = await self.read(lambda unit: unit.figure_name(key))
        if name is None:
            raise NotFound(f"No invitation names the figure {key!r}.")
        page = await self.list_page(flt)
        here = f"{self.root}{figure_path(key)}"
        next_url = (f"{here}?{urlencode(query.params(after=page.next_after))}"
                    if page.next_after else None)
        return self.page("figure.html", name=name, key=key, query=query, page=page,
                         next_url=next_url, first_url=here if query.after else None,
                         feed_url=f"{self.root}/feeds{figure_path(key)}.atom")

    async def static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in STATIC:  # a fixed list: no path from the request reaches the disk
            raise NotFound(f"No file {name!r}.")
        body = resources.files("bot.web").joinpath("static", name).read_bytes()
        return web.Response(body=body, content_type=STATIC[name],
                            headers={"Cache-Control": "max-age=3600"})

    # -- feeds out ------------------------------------------------------------------
    async def feed(self, request: web.Request, flt: ChangeFilter, key: str, title: str,
                   page_path: str) -> web.Response:
        base = self.base_url(request)
        changes = await self.read(lambda unit: unit.status_changes(flt))
        info = FeedInfo(key=key, title=title, self_url=f"{base}{request.path}",
                        page_url=f"{base}{page_path}", base_url=base)
        return web.Response(body=atom_feed(changes, info),
                            content_type="application/atom+xml", charset="utf-8")

    async def feed_all(self, request: web.Request) -> web.Response:
        return await self.feed(request, ChangeFilter(limit=FEED_SIZE), "all",
                               "invitewatch: new invitations and status changes", "/")

    async def feed_status(self, request: web.Request) -> web.Response:
        value = request.match_info["status"]
        try:
            status = Status(value)
        except ValueError:
            raise NotFound(f"{value!r} is not a status; one of "
                                        f"{', '.join(s.value for s in Status)}.") from None
        return await self.feed(request, ChangeFilter(status=status, limit=FEED_SIZE),
                               f"status/{status.value}",
                               f"invitewatch: invitations now {status_label(status)}",
                               f"/?status={status.value}")

    async def feed_figure(self, request: web.Request) -> web.Response:
        key = request.match_info["key"]
        name = await self.read(lambda unit: unit.figure_name(key))
        if name is None:
            raise NotFound(f"No invitation names the figure {key!r}.")
        return await self.feed(request, ChangeFilter(figure_key=key, limit=FEED_SIZE),
                               f"figure/{key}", f"invitewatch: invitations of {name}",
                               figure_path(key))

    # -- the JSON API -----------------------------------------------------------------
    async def api_list(self, request: web.Request) -> web.Response:
        query = self.parse(request)
        page = await self.list_page(self.list_filter(query))
        headers = {}
        if page.next_after:
            next_url = f"{self.base_url(request)}/api/invitations?" \
                       f"{urlencode(query.params(after=page.next_after))}"
            headers["Link"] = f'<{next_url}>; rel="next"'
        return json_response([invitation_to_json(i) for i in page.items], headers=headers)

    async def api_one(self, request: web.Request) -> web.Response:
        inv = await self.visible(request.match_info["id"])
        return json_response(invitation_to_json(inv))


def json_response(data: Any, status: int = 200,
                  headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(text=json.dumps(data, ensure_ascii=False), status=status,
                        content_type="application/json", charset="utf-8", headers=headers)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _error_middleware(site: Site) -> Any:
    @web.middleware
    async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
        api = request.path.startswith("/api/")
        try:
            response = await handler(request)
        except BadQuery as exc:
            response = error(site, api, 400, "Bad request", str(exc))
        except NotFound as exc:
            response = error(site, api, 404, "Not found", str(exc))
        except web.HTTPNotFound:
            response = error(site, api, 404, "Not found", f"No page at {request.path}.")
        except web.HTTPMethodNotAllowed:
            response = error(site, api, 405, "Method not allowed",
                             "This site is read-only: only GET and HEAD.")
            response.headers["Allow"] = "GET, HEAD"
        except StoreError as exc:
            log.warning("web: the database could not answer %s: %s", request.path, exc)
            response = error(site, api, 503, "Unavailable",
                             "The database is not answering; try again shortly.")
        response.headers.update(SECURITY_HEADERS)
        return response
    return errors


def error(site: Site, api: bool, status: int, title: str, message: str) -> web.Response:
    if api:
        return json_response({"error": message}, status=status)
    return site.page("error.html", status=status, title=title, message=message)


def build_app(store: Store, options: SiteOptions | None = None) -> web.Application:
    """The site's routes over `store` (read-only: GET, and HEAD through GET)."""
    site = Site(store, options or SiteOptions())
    app = web.Application(middlewares=[_error_middleware(site)])
    routes = [
        ("/", site.index),
        ("/invitations/{id}", site.invitation),
        ("/figures/{key}", site.figure),
        ("/static/{name}", site.static),
        ("/feeds/all.atom", site.feed_all),
        ("/feeds/status/{status}.atom", site.feed_status),
        ("/feeds/figures/{key}.atom", site.feed_figure),
        ("/api/invitations", site.api_list),
        ("/api/invitations/{id}", site.api_one),
    ]
    for path, handler in routes:
        app.router.add_get(path, handler)
    return app


async def serve(store: Store, host: str, port: int,
                options: SiteOptions | None = None) -> web.AppRunner:
    """Start serving on host:port in the running loop; the caller cleans the runner up.
    Raises OSError when the address cannot be bound."""
    runner = web.AppRunner(build_app(store, options), access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError:
        await runner.cleanup()
        raise
    return runner


def bound(runner: web.AppRunner) -> str:
    """host:port actually bound (the port is chosen by the system when 0 is given)."""
    for site in runner.sites:
        server: Any = getattr(site, "_server", None)
        if server is not None and server.sockets:
            host, port = server.sockets[0].getsockname()[:2]
            return f"{host}:{port}"
    return "?"
