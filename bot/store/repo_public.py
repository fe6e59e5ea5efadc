"""What the public site and its feeds read beyond the invitation list: the latest status
changes (the Atom feeds) and a figure's name (its page). Hidden records never show."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlmodel import col

from bot.domain import Status
from bot.store.api import ChangeFilter, StatusChange
from bot.store.convert import enum_value
from bot.store.repo_base import check_limit
from bot.store.repo_invitations import InvitationRepository
from bot.store.tables import InvitationRow, StatusChangeRow


class PublicRepository(InvitationRepository):
    def status_changes(self, flt: ChangeFilter) -> list[StatusChange]:
        """The latest status changes of visible invitations, newest first (by when the
        tracker learned of them, then by id, so the order is total and stable)."""
        check_limit(flt.limit)
        statement = (
            select(StatusChangeRow, InvitationRow)
            .join(InvitationRow, col(InvitationRow.id) == col(StatusChangeRow.invitation_id))
            .where(col(InvitationRow.hidden).is_(False))
        )
        if flt.figure_key:
            statement = statement.where(or_(col(InvitationRow.inviter_key) == flt.figure_key,
                                            col(InvitationRow.invitee_key) == flt.figure_key))
        if flt.status is not None:
            statement = statement.where(col(StatusChangeRow.to_status) == flt.status.value)
        rows = self.session.execute(
            statement.order_by(col(StatusChangeRow.created_at).desc(),
                               col(StatusChangeRow.id).desc()).limit(flt.limit)
        ).all()
        states = {s.id: s for s in self._states(list({r[1].id: r[1] for r in rows}.values()))}
        changes = []
        for change, invitation in rows:
            assert change.id is not None
            changes.append(StatusChange(
                id=change.id,
                invitation=states[invitation.id],
                from_status=(enum_value(Status, change.from_status, "status change from")
                             if change.from_status else None),
                to_status=enum_value(Status, change.to_status, "status change to"),
                at=change.at,
                created_at=change.created_at,
                source_url=change.source_url,
            ))
        return changes

    def figure_name(self, figure_key: str) -> str | None:
        """The name a visible invitation gives the figure with this key (None: none does)."""
        for key_column, name_column in ((InvitationRow.inviter_key, InvitationRow.inviter_name),
                                        (InvitationRow.invitee_key, InvitationRow.invitee_name)):
            name = self.session.scalar(
                select(col(name_column)).where(col(key_column) == figure_key)
                .where(col(InvitationRow.hidden).is_(False))
                .order_by(col(InvitationRow.last_update).desc()).limit(1))
            if name is not None:
                return str(name)
        return None
