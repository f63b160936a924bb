"""The demo matter's answer (caption, script, signature) and the e-mail-chain exhibit (Exhibit B)
of the fictional *Jane Doe v. Streamline Social, Inc.*; the complaint is in ``demo_text``."""

from __future__ import annotations

from reviewer.samples.demo_text import _COURT, _PARTIES
from reviewer.samples.pleading import CASE_NO, _Caption

_ANSWER_CAPTION = _Caption(
    counsel=(
        "DANIEL R. OKAFOR (SBN 287431)",
        "dokafor@whitfieldcrane.example",
        "PRIYA NATARAJAN (SBN 322908)",
        "pnatarajan@whitfieldcrane.example",
        "WHITFIELD & CRANE LLP",
        "101 California Street, 38th Floor",
        "San Francisco, California 94111",
        "Telephone: (415) 555-0187",
        "",
        "Attorneys for Defendant STREAMLINE SOCIAL, INC.",
    ),
    court=_COURT,
    left=_PARTIES,
    right=(
        f"Case No. {CASE_NO}-ABC",
        "",
        "*DEFENDANT STREAMLINE SOCIAL, INC.'S ANSWER TO COMPLAINT",
        "",
        "*DEMAND FOR JURY TRIAL",
        "",
        "Judge: Hon. Anne B. Castillo",
    ),
)

_ANSWER = """
- Defendant Streamline Social, Inc. ("Streamline") answers the Complaint of Plaintiff Jane Doe as
  follows. Except as expressly admitted below, Streamline denies each and every allegation of the
  Complaint, including any allegations in its headings, footnotes, and prayer for relief.
= RESPONSES TO THE NUMBERED ALLEGATIONS
P Answering Paragraph 1, Streamline denies the allegations.
P Answering Paragraph 2, Streamline admits that it operates the Platform and that advertising is
  a source of its revenue. Streamline denies the remaining allegations.
P Answering Paragraphs 3 through 5, Streamline lacks knowledge or information sufficient to form
  a belief about the truth of the allegations concerning Plaintiff's dealings with third parties,
  and on that basis denies them. Streamline denies the remaining allegations.
P Answering Paragraph 6, Streamline states that the paragraph contains legal conclusions to which
  no response is required. To the extent a response is required, Streamline denies them.
P Answering Paragraph 7, Streamline lacks knowledge or information sufficient to form a belief
  about the truth of the allegations, and on that basis denies them.
P Answering Paragraph 8, Streamline admits the allegations.
P Answering Paragraphs 9 through 13, Streamline states that these paragraphs contain legal
  conclusions to which no response is required. For purposes of this action only, Streamline does
  not contest personal jurisdiction or venue in this District.
P Answering Paragraphs 14 through 16, Streamline admits that it launched the Platform in 2016,
  that the Platform offers a personalized "For You" feed, and that Streamline displays advertising
  on the Platform. Streamline denies Plaintiff's characterization of its recommendation system and
  denies the remaining allegations.
P Answering Paragraph 17, Streamline states that its public filings speak for themselves and
  denies any allegation inconsistent with them.
P Answering Paragraph 18, Streamline admits that it operates a program called Streamline Boost and
  denies the remaining allegations.
P Answering Paragraph 19, Streamline admits that Paragraph 19 quotes a prior version of Section
  4.2 of its Terms of Service and states that the Terms speak for themselves.
P Answering Paragraphs 20 through 23, Streamline denies the allegations, and specifically denies
  that it designed its moderation practices to minimize cost rather than to protect children.
P Answering Paragraphs 24 through 30, Streamline lacks knowledge or information sufficient to form
  a belief about the truth of the allegations concerning third parties, and on that basis denies
  them. Streamline denies that it knew of the posts before March 3, 2023.
P Answering Paragraphs 31 and 32, Streamline admits that on or about March 3, 2023, it received a
  user report concerning two posts and assigned it the report number SR-0419-2281.
P Answering Paragraphs 33 through 35, Streamline admits that it sent the emails attached to the
  Complaint as Exhibit B and states that those emails speak for themselves. Streamline denies the
  remaining allegations.
P Answering Paragraphs 36 and 37, Streamline denies the allegations.
P Answering Paragraph 38, Streamline admits that on March 11, 2023, it received a request from a
  law-enforcement agency and removed the posts and suspended the associated accounts the same day.
P Answering Paragraphs 39 through 42, Streamline denies the allegations directed at it and
  otherwise lacks knowledge or information sufficient to form a belief about their truth.
P Answering Paragraphs 43 through 59, Streamline incorporates its responses above, states that
  these paragraphs contain legal conclusions to which no response is required, and, to the extent
  a response is required, denies the allegations.
P Streamline denies that Plaintiff is entitled to any of the relief requested in the Prayer for
  Relief, or to any relief at all.
= AFFIRMATIVE DEFENSES
- Without assuming any burden of proof that it would not otherwise bear, Streamline asserts the
  following defenses.
# FIRST AFFIRMATIVE DEFENSE | (Communications Decency Act, 47 U.S.C. § 230)
P Plaintiff's claims are barred, in whole or in part, by 47 U.S.C. § 230(c)(1), because they seek
  to treat Streamline as the publisher of information provided by another information content
  provider.
# SECOND AFFIRMATIVE DEFENSE | (Failure to State a Claim)
P The Complaint fails to state a claim upon which relief can be granted, including because it
  does not plausibly allege that Streamline participated in a venture or knowingly benefited from
  one.
# THIRD AFFIRMATIVE DEFENSE | (Superseding Cause)
P Any injury to Plaintiff was caused by the criminal acts of third parties over whom Streamline
  had no control, and those acts were a superseding cause of Plaintiff's alleged injuries.
# FOURTH AFFIRMATIVE DEFENSE | (Reservation of Rights)
P Streamline reserves the right to assert additional defenses as discovery proceeds.
= PRAYER FOR RELIEF
- WHEREFORE, Streamline prays for judgment as follows:
* That Plaintiff take nothing by the Complaint;
* That the Complaint be dismissed with prejudice;
* For costs of suit incurred herein; and
* For such other relief as the Court deems just and proper.
= DEMAND FOR JURY TRIAL
- Streamline demands a trial by jury on all issues so triable.
"""

_DEFENSE_SIGNATURE = (
    "WHITFIELD & CRANE LLP",
    "",
    "By: /s/ Daniel R. Okafor",
    "Daniel R. Okafor",
    "Priya Natarajan",
    "Attorneys for Defendant",
    "STREAMLINE SOCIAL, INC.",
)

# The exhibit, an e-mail chain printed to PDF, newest first. "! " print header, "@ " From | Sent |
# To | Subject, "- " a paragraph of the message body.
_HEADERS = ("From:", "Sent:", "To:", "Subject:")
_SAFETY = "Streamline Safety <safety-noreply@streamline.example>"
_MOTHER = "M. Doe <mdoe.family@mail.example>"
_FOOTER = (
    "- Streamline Social, Inc., 1 Harbor View Plaza, San Francisco, CA 94105. This mailbox is not "
    "monitored. Please do not reply with personal information unless asked."
)
_EXHIBIT = f"""
! RE: Your report SR-0419-2281
! 4 messages
@ {_SAFETY} | Thursday, March 9, 2023 4:12 PM | {_MOTHER} | RE: Your report SR-0419-2281
- Hello,
- Thank you for following up. We have reviewed the reported content again and have determined
  that it does not violate our Community Guidelines. No further action will be taken on this
  report.
- We understand this may be disappointing. If you continue to see content that concerns you, you
  can block the account or adjust your feed preferences in Settings.
- Streamline Trust & Safety
{_FOOTER}
@ {_MOTHER} | Monday, March 6, 2023 7:48 PM | {_SAFETY} | RE: Your report SR-0419-2281
- I am writing again about report SR-0419-2281. The girl in these videos is my daughter. She was
  fifteen when they were made, and she made them because someone online threatened her. One of
  the posts names her school.
- I have attached a photo of her student ID card, as your form asked. Please take these posts
  down. Every day they stay up, more kids at her school see them.
- M. Doe
@ {_SAFETY} | Monday, March 6, 2023 11:03 AM | {_MOTHER} | RE: Your report SR-0419-2281
- Hello,
- Thanks for reaching out. We've reviewed the reported content and have not found a violation of
  our policies at this time, so no action will be taken.
- If you believe we made a mistake, you can reply to this message with more information.
- Streamline Trust & Safety
{_FOOTER}
@ {_SAFETY} | Friday, March 3, 2023 9:27 PM | {_MOTHER} | Your report SR-0419-2281
- Thank you for your report. We have received it and will review it as soon as possible.
- Report number: SR-0419-2281
- Category: Child sexual exploitation
- Reported posts: [REDACTED]
- Description you provided: The person in these videos is 15. She was threatened into making
  them. One of the posts says the name of her school. Please remove them.
- Reports in this category are prioritized for urgent review. You will receive an e-mail when we
  have made a decision.
{_FOOTER}
"""
