"""The stable JSON record of an invitation: `invitations list --json`, `invitations show
--json` and the public site's `/api/invitations` all print exactly this (docs/CONTRACTS.md)."""

from __future__ import annotations

from typing import Any

from bot.domain import InvitationState


def invitation_to_json(inv: InvitationState) -> dict[str, Any]:
    """The stable `invitations list --json` contract."""
    return {
        "id": inv.id,
        "inviter": inv.inviter.name,
        "invitee": inv.invitee.name,
        "occasion": inv.occasion.describe(),
        "kind": inv.occasion.kind.value,
        "place": inv.occasion.place,
        "status": inv.status.value,
        "first_seen": inv.first_seen.isoformat(),
        "last_update": inv.last_update.isoformat(),
        "sources": inv.sources,
        "timeline": [
            {"date": e.at.date().isoformat(), "status": e.status.value, "url": e.url,
             "lang": e.lang, "evidence": e.evidence}
            for e in inv.timeline
        ],
    }
