"""Access helpers for pairs: every view and API operation finds a pair through these."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest

from tend.pairs.models import Membership, Pair

SESSION_KEY = "tend_pair"
PERSON_FIELDS = ("user__display_name", "user__email", "user__time_zone")


def _with_members(qs: Any) -> Any:
    members = Membership.objects.select_related("user").only(
        "pair_id", "user_id", "joined_at", "left_at", *PERSON_FIELDS
    )
    return qs.prefetch_related(Prefetch("memberships", queryset=members))


def get_pair_for(user: Any, code: str) -> Pair:
    """A pair ``user`` belongs to (open, or ended by the other person), or 404."""
    pair = _with_members(Pair.objects.of(user)).filter(code=code).first()
    if pair is None:
        raise Http404
    return pair


def get_open_pair_for(user: Any, code: str) -> Pair:
    pair = get_pair_for(user, code)
    if not pair.is_open:
        raise Http404
    return pair


def pairs_of(user: Any) -> list[Pair]:
    """The person's pairs, open ones first, each with its members: one query.

    Every page runs this (the pair switcher), so it reads memberships with their
    pair and person in one join and files them the way ``prefetch_related``
    would, instead of a second query.
    """
    rows = (
        Membership.objects.filter(
            pair__memberships__user=user, pair__memberships__left_at__isnull=True
        )
        .select_related("pair", "user")
        # Of each member only what pages show: no password hash of the partner in memory.
        .only("pair_id", "user_id", "joined_at", "left_at", "pair", *PERSON_FIELDS)
        # A person has a handful of pairs: sorting them here is cheaper than in SQL.
        .order_by()
    )
    pairs: dict[int, Pair] = {}
    for membership in sorted(rows, key=lambda m: (m.joined_at, m.pk)):
        pair = pairs.setdefault(membership.pair_id, membership.pair)
        membership.pair = pair
        if pair._members is None:
            pair._members = []
        pair._members.append(membership)
    ordered = sorted(pairs.values(), key=lambda p: (not p.is_open, p.created_at, p.pk))
    # The privacy queries of this request can use these ids instead of a subquery.
    user._tend_open_pair_ids = [p.pk for p in ordered if p.is_open]
    return ordered


def forget_pairs(user: Any) -> None:
    """After a membership changes, later queries in the request look pairs up again."""
    user.__dict__.pop("_tend_open_pair_ids", None)


def current_pair(request: HttpRequest) -> Pair | None:
    """The pair the person switched to, else their first open one. Cached per request."""
    if hasattr(request, "_tend_pair"):
        return request._tend_pair  # type: ignore[attr-defined,no-any-return]
    user = request.user
    pair: Pair | None = None
    if user.is_authenticated:
        pairs = pairs_of(user)
        wanted = request.session.get(SESSION_KEY)
        pair = next((p for p in pairs if p.code == wanted), None)
        if pair is None:
            pair = next((p for p in pairs if p.is_open), None)
        request._tend_pairs = pairs  # type: ignore[attr-defined]
    request._tend_pair = pair  # type: ignore[attr-defined]
    return pair


def switch_pair(request: HttpRequest, pair: Pair) -> None:
    request.session[SESSION_KEY] = pair.code
    request._tend_pair = pair  # type: ignore[attr-defined]


def shared_pair(request: HttpRequest) -> Pair | None:
    """The current pair when there is someone to share with: open, with a partner.

    What the features made for two (questions, appreciations) work in.
    """
    pair = current_pair(request)
    if pair is None or not pair.is_open or pair.partner_of(request.user) is None:
        return None
    return pair


def get_shared_pair_for(user: Any, code: str | None) -> Pair:
    """For the API: the open pair ``code`` with a partner in it, or without a code the
    person's first such pair; else 404."""
    if code:
        pair = get_open_pair_for(user, code)
        if pair.partner_of(user) is None:
            raise Http404
        return pair
    found = next((p for p in pairs_of(user) if p.is_open and p.partner_of(user)), None)
    if found is None:
        raise Http404
    return found
