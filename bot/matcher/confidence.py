"""Every confidence the matcher gives, named in one table.

A finding's confidence says how sure the construction that produced it is; the aggregate
drops findings below `minimum` and keeps the surest of competing readings. The values
were tuned on tests/data/matcher; change one here, never inline.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Confidences:
    minimum: float = 0.3  # below this a finding is dropped (aggregate.py)
    unknown_name: float = 0.55  # a person found only from the text, not the gazetteer
    surname_only: float = 0.9  # a gazetteer figure named by surname alone
    near_name: float = 0.8  # one letter off a listed name (nearmiss.py)
    near_surname: float = 0.75  # one letter off the surname of a figure named in the article
    stand_in: float = 0.8  # "Kyiv invited": the leader is meant, but the text does not say who
    counterpart: float = 0.8  # "his Mexican counterpart"
    demonym: float = 0.8  # "invitó al argentino": refers back to a leader the article named
    bare_title: float = 0.8  # "the Chancellor": the one chancellor the article names
    local_surname: float = 0.5  # a later surname of a titled name the gazetteer lacks
    observation: float = 0.8  # a meeting, visit or attendance reported without an invitation
    missing_invitee: float = 0.7  # factor when only the inviter is found
    # Article level (aggregate.py).
    later_status_penalty: float = 0.1  # a status from a later sentence is a little less sure
    firm_direction: float = 0.7  # both directions above this: invitation and counter-invitation
    reciprocal: float = 0.8  # "X and Y invited each other": each direction, firmly (counter round)
    context_party: float = 0.6  # the other party taken from a neighbouring sentence
    # "Costa and Kallas arrived. Both came at Zelensky's invitation": the invitees of a
    # both-word, the two figures of the sentence before; a firm direction (longart round)
    both_before: float = 0.75
    # Argument rules (arguments.py), one per construction.
    subject_verb_object: float = 0.9  # "Macron invited Scholz"
    subject_verb_far_object: float = 0.75  # the object more than 80 characters on
    passive_with_agent: float = 0.9  # "Scholz was invited by Macron"
    passive_previous_subject: float = 0.65  # "He was invited by Macron" (he = last subject)
    head_final_agent: float = 0.75  # "安倍首相の招待で"
    head_final_zero_pronoun: float = 0.6  # the guest is the previous sentence's topic
    zero_subject_guest: float = 0.6  # a pro-drop language: the guest is the previous subject
    agreed: float = 0.8  # "Harris agreed to a debate with Trump"
    clitic_subject_before: float = 0.7  # "Macron l'avait invité"
    clitic_subject_after: float = 0.75  # "lo ha invitato Macron"
    verb_second: float = 0.8  # "Am Samstag lud Musk Putin ein"
    particles: float = 0.85  # "岸田首相はバイデン大統領を招いた"
    verb_final: float = 0.75  # "..., dass Musk Putin einlud"
    verb_final_pronoun_object: float = 0.75  # "..., wohin Fico ihn eingeladen hatte"
    inverted_subject: float = 0.75  # "..., zu dem ihn Steinmeier eingeladen hatte"
    verb_final_pair: float = 0.7  # two figures before a final verb, no coordination
    object_pronoun_after: float = 0.75  # "after Macron invited her"
    object_pronoun_previous: float = 0.6  # "... with Orbán. I invited him to visit Ukraine"
    # "Macron received Lula. He invited him to Nice": both parties resolved from pronouns
    pronouns_previous_sentence: float = 0.55
    relative_object: float = 0.8  # "Tusk, whom Scholz had invited to Berlin, arrived"
    relative_pronoun_object: float = 0.75  # "Merz met Zelensky, who invited him to Kyiv"
    relative_pronoun_subject: float = 0.75  # "Merz met Zelensky, whom he invited to Berlin"
    pronoun_subject: float = 0.65  # "Er habe Merz zwar eingeladen"
    lone_figure: float = 0.6  # one figure and the verb: the other side is unknown
    noun_with_parties: float = 0.85  # "Musk's invitation to Putin"
    noun_invitee_only: float = 0.6  # "an invitation to Putin"
    noun_lone_figure: float = 0.5  # "Putin ... the invitation"
    described_inviter: float = 0.6  # "at the invitation of the new Argentine president"
    # Rules for invitations phrased without an invitation word (issue 14).
    proposal: float = 0.75  # "Milei propuso a Boric celebrar una cumbre"
    willingness: float = 0.7  # "Merz wäre bereit, Tusk in Görlitz zu treffen"
    hosted_event: float = 0.7  # "Modi will not attend the summit Albanese is hosting"
    # "Gastgeber ist Tusk. Macron ist eingetroffen": the host invited the guest (hosts.py)
    hosted_guest: float = 0.65
    # "Modi landed in Moscow. He and Putin discussed oil": no word says who hosts, the place
    # does (host_by_place.py): below an explicit hosting
    host_by_place: float = 0.55
    received_invitation_to_event: float = 0.75  # "received an invitation to Nadal's exhibition"
    residence_host: float = 0.7  # "accepted an invitation to Buckingham Palace"
    welcome: float = 0.7  # "Biden would always be welcome in Moscow, Putin said"
    # "«Milei me invitó», afirmó Musk": the inviter before the verb, the speaker invited
    speaker_invited: float = 0.85
    transcript_thanks: float = 0.75  # "Aliyev: ... thank you for inviting me" (transcript.py)
    # "Mr Prime Minister! I invite you": the one leader of the headline's country, on the
    # article's date, though the article never names them (transcript._addressed)
    vocative_leader: float = 0.8
    # Posts with an author (authored.py): "I invite @x", the author being the inviter.
    post_author: float = 0.85  # the author is a figure of the gazetteer
    post_author_unknown: float = 0.7  # an author the gazetteer does not know


CONFIDENCE = Confidences()
