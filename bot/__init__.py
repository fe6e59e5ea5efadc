"""invitewatch: follows invitations between public figures in the news and tells Discord."""

__version__ = "0.1.0"
