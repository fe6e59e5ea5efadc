"""What every command-line module shares: the lazily built context, JSON lines, and the
error handling that turns the project's errors into one clear line and exit code 2."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from bot.errors import ConfigError, InvitewatchError

if TYPE_CHECKING:  # pydantic's models load on first use of the configuration
    from bot.config import Config

F = TypeVar("F", bound=Callable[..., Any])

REPO_ROOT = Path(__file__).resolve().parents[2]


def beside_code_or_cwd(relative: str) -> Path:
    """`relative` under the source checkout the code runs from; an installed package has no
    checkout around it, so then under the working directory (a clone one stands in)."""
    for root in (REPO_ROOT, Path.cwd()):
        if (root / relative).is_dir():
            return root / relative
    return Path.cwd() / relative


class Context:
    """Lazily built pieces, so `feeds list` does not load the gazetteer."""

    def __init__(self, config_dir: str | None, database: str | None) -> None:
        self.config_dir = config_dir
        self.database = database
        self._config: Config | None = None
        # Settings given as command options, applied as their environment variables are.
        self.env_overrides: dict[str, str] = {}

    @property
    def config(self) -> Config:
        if self._config is None:
            import os
            env = dict(os.environ)
            if self.database:
                env["DATABASE_URL"] = self.database
            env.update(self.env_overrides)
            from bot.app import load_checked_config
            self._config = load_checked_config(self.config_dir, env)
        return self._config

    def store(self) -> Any:
        from bot.store import open_store
        return open_store(self.config.settings.database_url())

    def synced_store(self) -> Any:
        """The store with config/feeds.toml's feeds in it, as the running bot has them."""
        from bot.app import sync_config_feeds
        store = self.store()
        sync_config_feeds(store, self.config, datetime.now(UTC))
        return store

    def matcher(self) -> Any:
        from bot.matcher import Matcher
        return Matcher.load(overrides=self.config.figures_path)

    def app(self) -> Any:
        from bot.app import App
        return App(self.config)


def json_line(obj: Any) -> str:
    """One JSON line; text the terminal's encoding cannot carry (a lone surrogate from a
    \\ud800 escape) is written as an escape instead of failing the whole run."""
    text = json.dumps(obj, ensure_ascii=False)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except UnicodeEncodeError:
        return json.dumps(obj, ensure_ascii=True)
    return text


def friendly_errors(func: F) -> F:
    """Turn the project's errors into one clear message and exit status 1 (2 for config)."""
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            click.echo("configuration error:", err=True)
            for problem in exc.problems:
                click.echo(f"  - {problem}", err=True)
            sys.exit(2)
        except InvitewatchError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
    return wrapper  # type: ignore[return-value]


def setup_logging(ctx: Context) -> None:
    """Logging as the configuration asks, for the commands that run the pipeline."""
    from bot.app import configure_logging
    configure_logging(ctx.config.settings.logging.level)
