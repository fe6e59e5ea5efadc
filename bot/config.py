"""Settings from `config/*.toml` and the environment, validated with messages that name
the file and the key, and reloadable while the bot runs.

Precedence, lowest first: built-in defaults, `config/invitewatch.toml`, environment
variables. Secrets (the Discord token, a database password) come only from the
environment or a secrets file, never from committed TOML.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.errors import ConfigError, InvitewatchError

log = logging.getLogger(__name__)

SETTINGS_FILE = "invitewatch.toml"
FEEDS_FILE = "feeds.toml"
FIGURES_FILE = "figures.toml"
PLACES_FILE = "places.toml"

_REPO_CONFIG = Path(__file__).resolve().parent.parent / "config"
DATABASE_SCHEMES = ("sqlite://", "sqlite+pysqlite://", "postgresql://", "postgres://",
                    "postgresql+psycopg://")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class StorageSettings(_Section):
    data_dir: str = Field("data", min_length=1)
    # Empty: SQLite at <data_dir>/invitewatch.db. Normally set via DATABASE_URL.
    database_url: SecretStr = SecretStr("")

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: SecretStr) -> SecretStr:
        url = value.get_secret_value().strip()
        if url and not url.startswith(DATABASE_SCHEMES):
            raise ValueError(f"{mask_url(url)!r} is not a database URL: use "
                             "sqlite:///path/to/file.db or postgresql://user:password@host/dbname")
        return SecretStr(url)


class PollingSettings(_Section):
    interval_minutes: float = Field(15, ge=1, le=24 * 60)
    jitter_seconds: float = Field(30, ge=0, le=3600)
    max_concurrency: int = Field(8, ge=1, le=64)
    connect_timeout_seconds: float = Field(10, gt=0, le=120)
    read_timeout_seconds: float = Field(30, gt=0, le=600)
    max_bytes: int = Field(5_000_000, ge=10_000, le=100_000_000)
    max_redirects: int = Field(5, ge=0, le=20)
    backfill_hours: float = Field(48, ge=0, le=24 * 365)
    backoff_base_minutes: float = Field(5, gt=0, le=24 * 60)
    backoff_max_hours: float = Field(24, gt=0, le=24 * 30)
    disable_after_failures: int = Field(10, ge=1, le=1000)
    allow_private_addresses: bool = False
    # One feed cannot starve the rest: new entries taken from a feed per poll (the rest on
    # the next polls, soon after), and a poll cycle starts no feed after this many seconds.
    max_new_entries_per_feed: int = Field(200, ge=1, le=100_000)
    cycle_budget_seconds: float = Field(300, ge=1, le=24 * 3600)
    # Processes sharing one database claim the due feeds they poll for this long: a feed
    # is fetched by one of them per cycle, and a crashed one's feeds are free again after.
    # Longer than a feed's slowest poll (timeouts, storing its entries).
    claim_lease_seconds: float = Field(600, ge=1, le=24 * 3600)
    # How often `run` looks for due feeds (each feed has its own next-poll time).
    check_seconds: float = Field(60, ge=1, le=3600)
    # Processes that parse and match fetched feeds: 0 = in the bot's own process, N, or
    # "auto" (one per core). They use every core and share one matcher (bot.workers). The
    # shipped config/invitewatch.toml sets "auto"; without a settings file (an embedded
    # App, the tests) everything stays in one process.
    workers: Literal["auto"] | Annotated[int, Field(ge=0, le=64)] = 0
    # feeds.toml missing or empty while config feeds exist is taken for an accident (a
    # checkout, a truncating editor): the feeds are kept. True: it means "no feeds".
    remove_feeds_if_config_empty: bool = False
    user_agent: str = Field("invitewatch/0.1 (feed reader; +https://github.com/invitewatch)",
                            min_length=3, max_length=300)


class SourcesSettings(_Section):
    """Where the social platforms are reached (a host may point at its own mirror; tests
    point at 127.0.0.1) and how many pages of an account are read per poll."""

    mastodon_scheme: Literal["https", "http"] = "https"
    bluesky_appview: str = Field("https://public.api.bsky.app", pattern=r"^https?://\S+$")
    telegram_base: str = Field("https://t.me", pattern=r"^https?://\S+$")
    youtube_base: str = Field("https://www.youtube.com", pattern=r"^https?://\S+$")
    max_pages: int = Field(3, ge=1, le=20)


class TrackerSettings(_Section):
    window_days: int = Field(180, ge=1, le=3650)
    quiet_after_days: int = Field(30, ge=1, le=3650)
    announce_quiet: bool = False
    digest: bool = False


# The outbox's own default (bot.notify.outbox.RECONCILE_AFTER, which may not import this
# module); tests/test_config.py holds the two together.
RECONCILE_AFTER_SECONDS = 120.0


class NotifySettings(_Section):
    # "auto": print notifications to the console when no Discord token is set.
    console: Literal["auto", "always", "never"] = "auto"
    outbox_interval_seconds: float = Field(10, ge=1, le=3600)
    max_attempts: int = Field(8, ge=1, le=100)
    # A retry this long after an unfinished attempt began first looks for the message in the
    # channel; it must stay inside Discord's nonce window ("a few minutes"), which covers
    # quicker retries.
    reconcile_after_seconds: float = Field(RECONCILE_AFTER_SECONDS, ge=0.1, le=240)


class DiscordSettings(_Section):
    token: SecretStr = SecretStr("")
    api_base: str = ""  # empty: Discord's own
    gateway_url: str = ""  # empty: Discord's own
    # "global", or a guild (server) id to sync slash commands to that server only.
    sync: str = "global"
    # Server ids whose admins may add/remove feeds from Discord (feeds are shared by all
    # servers). Empty: nobody from Discord; the host uses config/feeds.toml and the CLI.
    feed_admin_servers: list[str] = []
    # The most figures one member may /watch in one server (each is a row and a DM).
    max_watches_per_member: int = Field(25, ge=1, le=1000)
    # The most subscriptions (/subscribe) one server may have.
    max_subscriptions_per_server: int = Field(25, ge=1, le=500)
    # Gateway sharding across processes (discord.py's AutoShardedClient): the shards this
    # process runs, of `shard_count` in all. Both empty: one unsharded connection.
    shard_ids: list[int] = []
    shard_count: int | None = Field(None, ge=1, le=100_000)

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _shard_list(cls, value: object) -> object:
        # From the environment: "0,1" or "0 1".
        if isinstance(value, str):
            parts = value.replace(",", " ").split()
            if not all(p.isdigit() for p in parts):
                raise ValueError(f"shard ids are whole numbers such as 0,1; got {value!r}")
            return [int(p) for p in parts]
        return value

    @model_validator(mode="after")
    def _shards_fit(self) -> DiscordSettings:
        if self.shard_ids and self.shard_count is None:
            raise ValueError("shard_ids needs shard_count (the number of shards in all)")
        bad = [i for i in self.shard_ids if self.shard_count is not None
               and not 0 <= i < self.shard_count]
        if bad:
            raise ValueError(f"shard ids must be 0 to shard_count-1 ({self.shard_count}); "
                             f"not {', '.join(map(str, bad))}")
        if len(set(self.shard_ids)) != len(self.shard_ids):
            raise ValueError("shard_ids lists a shard twice")
        return self

    @field_validator("feed_admin_servers")
    @classmethod
    def _server_ids(cls, value: list[str]) -> list[str]:
        bad = [v for v in value if not v.isdigit()]
        if bad:
            raise ValueError(f"server ids are made of digits; not {', '.join(bad)}")
        return value

    @field_validator("sync")
    @classmethod
    def _sync_is_global_or_id(cls, value: str) -> str:
        if value != "global" and not value.isdigit():
            raise ValueError('must be "global" or a server (guild) id made of digits')
        return value

    @field_validator("api_base", "gateway_url")
    @classmethod
    def _url_or_empty(cls, value: str) -> str:
        if value and not value.startswith(("http://", "https://", "ws://", "wss://")):
            raise ValueError("must be an http(s):// or ws(s):// URL, or empty for Discord's own")
        return value.rstrip("/")


class MonitoringSettings(_Section):
    # host:port where `run` serves /healthz and Prometheus /metrics; "" turns them off.
    address: str = "127.0.0.1:9108"
    # Unhealthy when every due feed has failed for this long (no network, a proxy down).
    failing_window_minutes: float = Field(60, ge=1, le=7 * 24 * 60)
    # Unhealthy when a notification has waited this long to be delivered.
    outbox_stuck_minutes: float = Field(30, ge=1, le=7 * 24 * 60)
    # Unhealthy when the Discord gateway (with a token set) has been down this long.
    gateway_grace_minutes: float = Field(5, ge=0, le=24 * 60)

    @field_validator("address")
    @classmethod
    def _host_port(cls, value: str) -> str:
        value = value.strip()
        if value in ("", "off"):
            return ""
        host, sep, port = value.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
            raise ValueError('must be "host:port" such as "127.0.0.1:9108", or "" for off')
        return value


class WebSettings(_Section):
    """The public, read-only site (`invitewatch web`, and `run` when `enabled`)."""

    enabled: bool = False  # `run` serves the site too
    host: str = Field("127.0.0.1", min_length=1)
    port: int = Field(8080, ge=0, le=65535)  # 0: a free port chosen by the system
    # Where readers reach the site (e.g. https://invitations.example.org): Atom ids and
    # self links and `/invitation`'s link use it. "" : the address each request came to,
    # and no link in Discord.
    public_base_url: str = ""

    @field_validator("public_base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        value = value.strip()
        if value and not re.match(r"^https?://[^\s/?#]+(/[^\s?#]*)?$", value):
            raise ValueError('must be an http(s):// URL such as "https://example.org/invitewatch"'
                             ', without a query, or "" for none')
        return value.rstrip("/")


class LoggingSettings(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @field_validator("level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value


class Settings(_Section):
    storage: StorageSettings = StorageSettings()
    polling: PollingSettings = PollingSettings()
    sources: SourcesSettings = SourcesSettings()
    tracker: TrackerSettings = TrackerSettings()
    notify: NotifySettings = NotifySettings()
    discord: DiscordSettings = DiscordSettings()
    logging: LoggingSettings = LoggingSettings()
    monitoring: MonitoringSettings = MonitoringSettings()
    web: WebSettings = WebSettings()

    def database_url(self) -> str:
        url = self.storage.database_url.get_secret_value()
        if url:
            return url
        path = Path(self.storage.data_dir).expanduser().resolve() / "invitewatch.db"
        return f"sqlite:///{path}"

    def console_enabled(self) -> bool:
        if self.notify.console == "always":
            return True
        if self.notify.console == "never":
            return False
        return not self.discord.token.get_secret_value()

    def snapshot(self) -> dict[str, Any]:
        """All settings as plain data with secrets masked: for `/config show` and logs."""
        data = self.model_dump(mode="json")
        data["discord"]["token"] = "set (hidden)" if self.discord.token.get_secret_value() else ""
        url = self.storage.database_url.get_secret_value()
        data["storage"]["database_url"] = mask_url(url) if url else f"(default) {self.database_url()}"
        return data


SOCIAL_KINDS = ("mastodon", "bluesky", "telegram", "youtube")


class FeedEntry(_Section):
    """A feed (`url`), or an account on a social platform (`kind` and `account`); the
    account is kept as `url = "<kind>:<account>"`, which the feeds layer normalises."""

    url: str = Field(min_length=8, max_length=2048)
    kind: Literal["rss", "atom", "mastodon", "bluesky", "telegram", "youtube"] = "rss"
    account: str | None = Field(None, min_length=1, max_length=300)
    # The gazetteer id of the figure whose account this is (when the gazetteer does not
    # list the account's handle): its posts' author is that figure.
    figure: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9_.-]{0,99}$")
    name: str | None = Field(None, max_length=200)
    lang: str | None = Field(None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$",
                             description="an ISO 639-1 code such as de or pt-BR")

    @model_validator(mode="before")
    @classmethod
    def _address(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        kind = data.get("kind", "rss")
        if kind in SOCIAL_KINDS:
            if not isinstance(data.get("account"), str) or data.get("url"):
                raise ValueError(f"a {kind} source names its `account` (and no `url`)")
            return {**data, "url": f"{kind}:{data['account']}"}
        if data.get("account") is not None or data.get("figure") is not None:
            raise ValueError(f"`account` and `figure` are for social kinds "
                             f"({', '.join(SOCIAL_KINDS)}); a {kind} feed has a `url`")
        return data

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if value.partition(":")[0] in SOCIAL_KINDS:
            return value  # an account, set from `kind` and `account` above
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value


@dataclass(frozen=True)
class Config:
    """A validated configuration: what the running bot uses."""

    settings: Settings
    feeds: tuple[FeedEntry, ...]
    config_dir: Path | None
    # the host's config/figures.toml when present: applied over the built-in figures
    figures_path: Path | None = None
    # mtimes of the files it was read from, so a watcher can tell when to reload
    stamps: Mapping[str, float] = field(default_factory=dict)
    # the host's config/places.toml when present: applied over the tracker's place tree
    places_path: Path | None = None


# Environment variables and the settings they set; secrets live only here.
ENV_OVERRIDES: dict[str, tuple[str, str]] = {
    "DISCORD_TOKEN": ("discord", "token"),
    "DISCORD_API_BASE": ("discord", "api_base"),
    "DISCORD_GATEWAY_URL": ("discord", "gateway_url"),
    "DISCORD_SYNC": ("discord", "sync"),
    "DISCORD_SHARD_IDS": ("discord", "shard_ids"),
    "DISCORD_SHARD_COUNT": ("discord", "shard_count"),
    "DATABASE_URL": ("storage", "database_url"),
    "INVITEWATCH_DATA_DIR": ("storage", "data_dir"),
    "INVITEWATCH_LOG_LEVEL": ("logging", "level"),
    "INVITEWATCH_CONSOLE": ("notify", "console"),
    "INVITEWATCH_POLL_INTERVAL_MINUTES": ("polling", "interval_minutes"),
    "INVITEWATCH_ALLOW_PRIVATE_ADDRESSES": ("polling", "allow_private_addresses"),
    "INVITEWATCH_MONITORING_ADDRESS": ("monitoring", "address"),
    "INVITEWATCH_WEB_ENABLED": ("web", "enabled"),
    "INVITEWATCH_WEB_HOST": ("web", "host"),
    "INVITEWATCH_WEB_PORT": ("web", "port"),
    "INVITEWATCH_PUBLIC_BASE_URL": ("web", "public_base_url"),
}


def mask_url(url: str) -> str:
    """Hide the password in a database URL, in its credentials or its query string."""
    url = re.sub(r"(?i)([?&](?:password|pass|pwd)=)[^&]*", r"\1***", url)
    if "://" not in url or "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in creds else url


def find_config_dir(explicit: str | os.PathLike[str] | None = None,
                    env: Mapping[str, str] | None = None) -> Path | None:
    """The config directory: explicit, $INVITEWATCH_CONFIG_DIR, ./config, the repo's."""
    env = os.environ if env is None else env
    if explicit:
        return Path(explicit)
    if env.get("INVITEWATCH_CONFIG_DIR"):
        return Path(env["INVITEWATCH_CONFIG_DIR"])
    local = Path.cwd() / "config"
    if (local / SETTINGS_FILE).is_file() or (local / FEEDS_FILE).is_file():
        return local
    if _REPO_CONFIG.is_dir():
        return _REPO_CONFIG
    return None


def _read_toml(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{path}: not valid TOML: {exc}")
    except UnicodeDecodeError:
        problems.append(f"{path}: not UTF-8 text (is it the right file?)")
    except OSError as exc:
        problems.append(f"{path}: cannot be read: {exc.strerror or exc}")
    return {}


def _describe(errors: ValidationError, path: Path | str, prefix: str = "") -> list[str]:
    messages = []
    for err in errors.errors():
        loc = ".".join(str(p) for p in err["loc"])
        what = "unknown key (a typo?)" if err["type"] == "extra_forbidden" else err["msg"]
        got = err.get("input")
        shown = "" if isinstance(got, dict | list) or err["type"] == "missing" else f" (got {got!r})"
        if "token" in loc or "database_url" in loc:
            shown = ""
        messages.append(f"{path}: {prefix}{loc}: {what}{shown}")
    return messages


def _env_overrides(env: Mapping[str, str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for var, (section, key) in ENV_OVERRIDES.items():
        value = env.get(var)
        if value is None and var == "DISCORD_TOKEN" and env.get("DISCORD_TOKEN_FILE"):
            token_file = Path(env["DISCORD_TOKEN_FILE"])
            try:
                value = token_file.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise ConfigError([f"DISCORD_TOKEN_FILE={token_file}: not a text file"]) from exc
            except OSError as exc:
                raise ConfigError([f"DISCORD_TOKEN_FILE={token_file}: cannot be read: {exc}"]) from exc
        # Surrounding blanks are never part of a value; a blank value means "not set".
        value = value.strip() if value is not None else None
        if value:
            out.setdefault(section, {})[key] = value
    return out


def _merge(base: dict[str, Any], over: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    merged = {k: (dict(v) if isinstance(v, dict) else v) for k, v in base.items()}
    for section, values in over.items():
        current = merged.get(section)
        merged[section] = {**(current if isinstance(current, dict) else {}), **values}
    return merged


UrlCheck = Callable[[str, bool], str]
"""(url, allow_private) -> the normalised URL; raises InvitewatchError saying what is wrong."""


def _validate_feeds(raw: dict[str, Any], path: Path, problems: list[str],
                    url_check: UrlCheck | None = None,
                    allow_private: bool = False) -> tuple[FeedEntry, ...]:
    """Each entry on its own, so one bad entry does not hide the others' problems."""
    for key in raw:
        if key != "feeds":
            problems.append(f"{path}: {key}: unknown key (feeds are listed as [[feeds]] tables)")
    items = raw.get("feeds", [])
    if not isinstance(items, list):
        problems.append(f"{path}: feeds: must be a list of [[feeds]] tables")
        return ()
    feeds: list[FeedEntry] = []
    first_index: dict[str, int] = {}
    for i, item in enumerate(items):
        try:
            entry = FeedEntry.model_validate(item)
        except ValidationError as exc:
            problems.extend(_describe(exc, path, prefix=f"feeds.{i}."))
            continue
        if url_check is not None:
            try:
                entry = entry.model_copy(update={"url": url_check(entry.url, allow_private)})
            except InvitewatchError as exc:
                problems.append(f"{path}: feeds.{i}.url: {exc}")
                continue
        if entry.url in first_index:
            problems.append(f"{path}: feeds.{i}.url: duplicate of feeds.{first_index[entry.url]}"
                            f" ({entry.url})")
            continue
        first_index[entry.url] = i
        feeds.append(entry)
    return tuple(feeds)


def load_config(config_dir: str | os.PathLike[str] | None = None,
                env: Mapping[str, str] | None = None,
                url_check: UrlCheck | None = None) -> Config:
    """Read and validate every configuration file; raise ConfigError listing ALL problems.

    `url_check` validates and normalises each feed URL the way `feeds add` does (the
    composition root passes the feeds layer's validator)."""
    env = os.environ if env is None else env
    directory = find_config_dir(config_dir, env)
    problems: list[str] = []
    stamps: dict[str, float] = {}
    raw_settings: dict[str, Any] = {}
    raw_feeds: dict[str, Any] = {}
    figures_path: Path | None = None
    places_path: Path | None = None

    if directory is not None:
        if not directory.is_dir():
            raise ConfigError([f"{directory}: configuration directory does not exist"])
        settings_path = directory / SETTINGS_FILE
        feeds_path = directory / FEEDS_FILE
        raw_settings = _read_toml(settings_path, problems)
        raw_feeds = _read_toml(feeds_path, problems)
        discord_section = raw_settings.get("discord")
        for secret in ("token",):
            if isinstance(discord_section, dict) and secret in discord_section:
                problems.append(f"{settings_path}: discord.token: secrets do not belong in "
                                "config files; set the DISCORD_TOKEN environment variable")
        figures_path = directory / FIGURES_FILE
        for p in (settings_path, feeds_path, figures_path):
            if p.is_file():
                stamps[str(p)] = p.stat().st_mtime
        if not figures_path.is_file():
            figures_path = None
        if (directory / PLACES_FILE).is_file():
            places_path = directory / PLACES_FILE
    else:
        settings_path = Path(SETTINGS_FILE)
        feeds_path = Path(FEEDS_FILE)

    settings = Settings()
    try:
        overrides = _env_overrides(env)
    except ConfigError as exc:
        problems.extend(exc.problems)
        overrides = {}
    try:
        settings = Settings.model_validate(_merge(raw_settings, {}))
    except ValidationError as exc:
        problems.extend(_describe(exc, settings_path))
    if overrides:
        try:
            settings = Settings.model_validate(_merge(raw_settings, overrides))
        except ValidationError as exc:
            env_names = {v: k for k, v in ENV_OVERRIDES.items()}
            for err in exc.errors():
                loc = tuple(str(p) for p in err["loc"][:2])
                var = env_names.get((loc[0], loc[1])) if len(loc) == 2 else None
                if var and loc[1] in overrides.get(loc[0], {}):
                    problems.append(f"environment {var}: {err['msg']}")
                elif len(loc) == 1 and loc[0] in overrides:
                    # A rule across a section's keys (discord shard ids and count).
                    names = ", ".join(env_names[(loc[0], k)] for k in overrides[loc[0]])
                    problems.append(f"environment {names}: {err['msg']}")
    feeds = _validate_feeds(raw_feeds, feeds_path, problems, url_check,
                            settings.polling.allow_private_addresses)
    if problems:
        raise ConfigError(problems)
    return Config(settings=settings, feeds=feeds, config_dir=directory,
                  figures_path=figures_path, places_path=places_path, stamps=stamps)


def changed_files(config: Config) -> list[str]:
    """Files whose modification time differs from when `config` was read."""
    changed: list[str] = []
    if config.config_dir is None:
        return changed
    for name in (SETTINGS_FILE, FEEDS_FILE, FIGURES_FILE):
        path = config.config_dir / name
        now = path.stat().st_mtime if path.is_file() else None
        if config.stamps.get(str(path)) != now:
            changed.append(str(path))
    return changed
