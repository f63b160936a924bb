"""The demo matter: the fictional *Jane Doe v. Streamline Social, Inc.*

Owns the demo filings' text (captions, complaint and answer scripts, signatures, the e-mail-chain
exhibit), the plain-page ``_Sheet`` layout used for the exhibit, and ``write_demo_filings``, which
writes the complaint, Exhibit B and the answer with their ground truth. All prose is invented.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.core.pdf import PdfWriter
from reviewer.samples.pleading import (
    CASE_NO,
    STAMP_Y,
    SampleFile,
    TruthParagraph,
    _Caption,
    _Filing,
    _logical_lines,
    _Page,
    _parse,
    _smarten,
    _wrap,
    _write_pleading,
)

# --- The demo matter: Jane Doe v. Streamline Social, Inc. (fictional) ------------------------

_COURT = (
    "UNITED STATES DISTRICT COURT",
    "NORTHERN DISTRICT OF CALIFORNIA",
    "SAN FRANCISCO DIVISION",
)
_PARTIES = (
    "JANE DOE, an individual,",
    "",
    "\tPlaintiff,",
    "",
    "\tv.",
    "",
    "STREAMLINE SOCIAL, INC., a Delaware corporation,",
    "",
    "\tDefendant.",
)

_COMPLAINT_CAPTION = _Caption(
    counsel=(
        "MARIA T. ALVAREZ (SBN 301122)",
        "malvarez@harborlaw.example",
        "KEVIN J. OSEI (SBN 314560)",
        "kosei@harborlaw.example",
        "HARBOR LAW GROUP LLP",
        "550 Montgomery Street, Suite 1200",
        "San Francisco, California 94111",
        "Telephone: (415) 555-0142",
        "",
        "Attorneys for Plaintiff JANE DOE",
    ),
    court=_COURT,
    left=_PARTIES,
    right=(
        f"Case No. {CASE_NO}-ABC",
        "",
        "*COMPLAINT FOR DAMAGES FOR:",
        "",
        "(1) Violation of the Trafficking Victims Protection Reauthorization Act, "
        "18 U.S.C. §§ 1591, 1595;",
        "(2) Receipt and Distribution of Child Pornography, 18 U.S.C. §§ 2252A, 2255; and",
        "(3) Negligence",
        "",
        "*DEMAND FOR JURY TRIAL",
    ),
)

_COMPLAINT = """
- Plaintiff Jane Doe ("Plaintiff"), by and through her undersigned counsel, brings this action
  against Defendant Streamline Social, Inc. ("Streamline" or "Defendant") and alleges as follows,
  on personal knowledge as to herself and on information and belief as to all other matters:
= INTRODUCTION
P This case is about a company that was told, in writing and more than once, that its platform
  was distributing sexually exploitative material depicting a child, and that chose to leave the
  material up, keep recommending it to new viewers, and keep selling advertising against it.
P Streamline operates a short-video and messaging platform (the "Platform") used by tens of
  millions of people in the United States, many of them teenagers. Streamline earns nearly all of
  its revenue by placing paid advertisements in the feeds its recommendation system builds for
  each user.
P When Plaintiff was fifteen years old, an adult posing as a fellow student used threats and false
  promises to pressure her into recording sexually explicit videos of herself. Those videos were
  later posted to the Platform by accounts that traded in such material.
P Plaintiff and her mother reported the videos to Streamline through the Platform's own reporting
  tools, identified Plaintiff as a minor, and offered proof of her age. Streamline answered that
  it had reviewed the material and found no violation of its policies. The videos stayed on the
  Platform for nine more days, during which they were viewed more than 140,000 times.
P Streamline removed the videos only after a law-enforcement officer contacted the company
  directly. By then, the harm to Plaintiff could not be undone.
P Federal law does not permit a company to profit from a venture it knows, or should know, is
  trafficking a child, nor to knowingly possess and distribute material depicting the sexual abuse
  of a child. Plaintiff brings this action to hold Streamline accountable under the Trafficking
  Victims Protection Reauthorization Act, 18 U.S.C. §§ 1591 and 1595, under 18 U.S.C. §§ 2252A
  and 2255, and under California law.
= PARTIES
P Plaintiff Jane Doe is a natural person who resides in Sacramento County, California. She was a
  minor at all times when the videos described in this Complaint were made and when they were
  distributed on the Platform.[^]
^ Plaintiff proceeds under a pseudonym to protect her privacy as a victim of child sexual
  exploitation. Her identity is known to Defendant, and she will disclose it to the Court under
  seal upon request.
P Defendant Streamline Social, Inc. is a Delaware corporation with its principal place of business
  at 1 Harbor View Plaza, San Francisco, California 94105. Streamline owns and operates the
  Platform and the mobile applications and websites through which it is used.
= JURISDICTION AND VENUE
P This Court has subject-matter jurisdiction under 28 U.S.C. § 1331 because Plaintiff's first
  and second claims arise under federal law, including 18 U.S.C. §§ 1595 and 2255.
P The Court has supplemental jurisdiction over Plaintiff's state-law claim under 28 U.S.C.
  § 1367(a) because it forms part of the same case or controversy as her federal claims.
P The Court has personal jurisdiction over Streamline because Streamline maintains its principal
  place of business in this District and because the conduct giving rise to this action was
  directed from its offices in San Francisco.
P Venue is proper in this District under 28 U.S.C. § 1391(b) because Streamline resides here and
  a substantial part of the events and omissions giving rise to the claims occurred here.
P Under Civil Local Rule 3-2(c), this action should be assigned to the San Francisco Division
  because the content-moderation decisions at issue were made and carried out in San Francisco
  County.
= FACTUAL ALLEGATIONS
== A. Streamline and Its Platform
P Streamline launched the Platform in 2016. Users create accounts, post short videos and images,
  follow other accounts, and exchange direct messages. Any user may view public posts without
  following the account that made them.
P The Platform's central feature is its "For You" feed, an endless stream of posts selected for
  each user by Streamline's recommendation system. The system ranks posts by predicted engagement
  and promotes posts that are being watched, shared, and searched for at a rising rate.
P Streamline earns money when users watch. It places paid advertisements between posts in the For
  You feed and beside search results, and it charges advertisers more for placements next to
  content that is attracting rapid engagement.
P In its public filings, Streamline reported that advertising accounted for more than 90 percent
  of its revenue in each of the last three fiscal years. Its executives have called "time spent"
  on the Platform the company's most important business metric.
P Streamline also operates a revenue-sharing program called "Streamline Boost," which pays account
  holders a share of advertising revenue based on the number of views their posts receive, and
  which Streamline reviews for eligibility before paying out.
== B. Streamline's Promises About Child Safety
P Every user must accept Streamline's Terms of Service to create an account. Section 4.2 of the
  Terms provides:
> "You may not use the Services to post, share, or promote any material that depicts or exploits a
  minor in a sexual manner. We have zero tolerance for child sexual exploitation. When we become
  aware of such material, we will remove it, suspend the accounts responsible, and report it to
  the National Center for Missing & Exploited Children."
+ Streamline has publicized this policy in its transparency reports, in testimony to Congress, and
  in advertising directed at parents.[^]
^ Streamline Social, Terms of Service § 4.2 (rev. Aug. 2022). The same language appears in the
  "Child Safety" section of Streamline's Help Center.
P Streamline provides an in-app form for users to report content. The form includes a category
  for "Child sexual exploitation," and its instructions tell users that reports in that category
  are "prioritized for urgent review."
P Streamline has long known that the Platform is used to trade exploitative material depicting
  minors. Its own transparency reports disclose that it removed hundreds of thousands of such
  posts in 2022 alone, most of them after they had already been viewed.
P Despite that knowledge, Streamline designed its moderation practices to minimize cost rather
  than to protect children. On information and belief, those practices included:
(a) routing reports of child sexual exploitation into the same general queue as reports of spam,
  impersonation, and copyright complaints;
(b) staffing that queue with contract reviewers who were expected to resolve each report in under
  a minute and who were not trained to assess the age of the people depicted;
(c) closing reports automatically when the reported post had not already been flagged by
  Streamline's detection software; and
(d) declining to check reported material against hash lists of known exploitative material unless
  a reviewer escalated the report.
P Streamline's own employees warned that these practices allowed reported material depicting
  minors to remain on the Platform for days or weeks. On information and belief, Streamline's
  leadership rejected proposals for a dedicated child-safety review team because the proposals
  would have increased moderation costs.
== C. The Exploitation of Jane Doe
P In the fall of 2022, when Plaintiff was fifteen, she began receiving direct messages on a
  different app from an account that claimed to belong to a sixteen-year-old student at a
  neighboring high school.
P Over several weeks the account holder gained Plaintiff's trust, then demanded that she send
  sexually explicit videos of herself. When Plaintiff hesitated, the account holder threatened to
  spread fabricated rumors about her to her family and classmates. Frightened, Plaintiff complied.
P On information and belief, the account holder was an adult who exploited several minors in the
  same way and who sold or traded the resulting videos to others.
P Plaintiff stopped responding to the account holder in December 2022. She told no one what had
  happened. She believed, and hoped, that it was over.
== D. The Videos Appear on Streamline
P On or about March 2, 2023, two accounts on the Platform (the "Distributing Accounts") posted a
  compilation of the videos of Plaintiff. One of the posts named Plaintiff's school.
P The Distributing Accounts were not obscure. On information and belief, each had been reported to
  Streamline before March 2023 for posting sexual material involving apparent minors, and each
  remained active.
P Within hours, Streamline's recommendation system began promoting the posts in the For You feeds
  of users who had engaged with similar content. Classmates of Plaintiff saw the posts and sent
  them to her.
P On March 3, 2023, Plaintiff, with her mother's help, submitted a report to Streamline through
  the in-app form, selecting the "Child sexual exploitation" category. The report stated that the
  person in the videos was fifteen years old when they were made and identified both posts by
  their links.
P Streamline sent an automated acknowledgment assigning the report number SR-0419-2281.
P On March 6, 2023, Streamline responded by email that it had "reviewed the reported content" and
  had "not found a violation of our policies at this time," and that "no action will be taken."
P The same day, Plaintiff's mother replied, explaining again that the videos depicted her minor
  daughter, that they had been made under threat, and that the school named in the post was her
  daughter's school. She attached a copy of Plaintiff's student identification card, as
  Streamline's form invited.
P On March 9, 2023, Streamline replied that it had reviewed the content again and would take no
  further action. A true and correct copy of the email exchange, with the names of the
  Distributing Accounts redacted, is attached as Exhibit B.
P In the nine days after Plaintiff's first report, the posts were viewed more than 140,000 times
  and shared more than 3,000 times, and they were displayed next to paid advertisements for
  consumer brands.
P On information and belief, one of the Distributing Accounts was enrolled in Streamline Boost
  during this period, and Streamline paid it a share of the advertising revenue generated by
  views of its posts.
P On March 11, 2023, a detective with the Sacramento County Sheriff's Office, acting on a
  complaint from Plaintiff's mother, submitted a preservation and removal request through
  Streamline's law-enforcement portal. Streamline removed the posts and suspended the Distributing
  Accounts within hours.
P Streamline has never explained to Plaintiff why its reviewers twice found that the videos did
  not violate its policies.
== E. Harm to Plaintiff
P The circulation of the videos on the Platform caused Plaintiff severe emotional distress. She
  withdrew from school for the rest of the semester and has received ongoing treatment for anxiety
  and depression.
P Plaintiff lives with the knowledge that copies made while the videos were on the Platform may
  still be circulating, and she fears being recognized by strangers.
P Plaintiff has incurred and will continue to incur expenses for medical and psychological care,
  and she has lost educational opportunities.
= CLAIMS FOR RELIEF
# COUNT I | Violation of the Trafficking Victims Protection Reauthorization Act, 18 U.S.C.
  §§ 1591(a)(2), 1595 (Beneficiary Liability) | (Against Defendant)
P Plaintiff incorporates by reference each of the preceding paragraphs as if fully set forth
  herein.
P Plaintiff is a victim of sex trafficking within the meaning of 18 U.S.C. §§ 1591(a) and 1595(a).
  She was a minor when she was caused to engage in commercial sex acts, namely the production of
  sexually explicit videos that were exchanged for things of value.
P Section 1595(a) provides a civil remedy against whoever knowingly benefits, financially or by
  receiving anything of value, from participation in a venture which that person knew or should
  have known has engaged in an act in violation of the chapter.
P Streamline knowingly benefited from its participation in a venture with the Distributing
  Accounts. Streamline provided the accounts with a platform, an audience, and recommendation
  services, and in return received advertising revenue and user engagement generated by the posts.
P Streamline knew or should have known that the venture was engaged in the sex trafficking of a
  minor. Plaintiff and her mother told Streamline so, in writing, on March 3 and March 6, 2023,
  and provided proof of Plaintiff's age.
P Streamline's continued distribution, promotion, and monetization of the videos after receiving
  that notice constituted participation in the venture.
P As a direct and proximate result of Streamline's conduct, Plaintiff suffered the injuries
  described above and is entitled to compensatory and punitive damages and reasonable attorneys'
  fees under 18 U.S.C. § 1595(a).
# COUNT II | Receipt and Distribution of Child Pornography, 18 U.S.C. §§ 2252A, 2255
  | (Against Defendant)
P Plaintiff incorporates by reference each of the preceding paragraphs as if fully set forth
  herein.
P The videos of Plaintiff are visual depictions of a minor engaging in sexually explicit conduct
  within the meaning of 18 U.S.C. § 2256(8).
P After receiving Plaintiff's reports, Streamline knowingly possessed the videos on its servers
  and knowingly distributed them to users through its feeds and search results, in violation of
  18 U.S.C. § 2252A(a)(2) and (a)(5)(B).
P Section 2255(a) provides that any person who, while a minor, was a victim of a violation of
  section 2252A and who suffers personal injury as a result may sue in any appropriate United
  States District Court.
P Plaintiff is entitled to liquidated damages of not less than $150,000, punitive damages, and
  reasonable attorneys' fees and costs under 18 U.S.C. § 2255(a).
# COUNT III | Negligence | (Against Defendant)
P Plaintiff incorporates by reference each of the preceding paragraphs as if fully set forth
  herein.
P Streamline owed Plaintiff a duty of reasonable care. Once Streamline received specific notice
  that identifiable material on its servers depicted the sexual exploitation of an identified
  minor, it assumed a duty to act reasonably in responding to that notice.
P Streamline breached that duty by failing to review Plaintiff's reports with reasonable care, by
  failing to escalate them to trained reviewers, by failing to check the videos against known
  hash lists, and by continuing to recommend the videos after notice.
P Streamline's breach was a substantial factor in causing Plaintiff's harm. Every day the videos
  remained on the Platform they reached new viewers, and each new viewing deepened her injury.
P As a direct and proximate result of Streamline's negligence, Plaintiff has suffered damages in
  an amount to be proven at trial.
= PRAYER FOR RELIEF
- WHEREFORE, Plaintiff respectfully requests that the Court enter judgment in her favor and
  against Defendant, and award the following relief:
* Compensatory damages in an amount to be determined at trial;
* Liquidated damages of not less than $150,000 under 18 U.S.C. § 2255(a);
* Punitive damages;
* Reasonable attorneys' fees and costs under 18 U.S.C. §§ 1595(a) and 2255(a);
* Pre-judgment and post-judgment interest as permitted by law; and
* Such other and further relief as the Court deems just and proper.
= DEMAND FOR JURY TRIAL
- Plaintiff demands a trial by jury on all claims and issues so triable.
"""

_PLAINTIFF_SIGNATURE = (
    "HARBOR LAW GROUP LLP",
    "",
    "By: /s/ Maria T. Alvarez",
    "Maria T. Alvarez",
    "Kevin J. Osei",
    "Attorneys for Plaintiff JANE DOE",
)

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


# --- Writers --------------------------------------------------------------------------------


class _Sheet:
    """Plain pages (exhibits): Helvetica lines flowing down from the top margin."""

    def __init__(self, writer: PdfWriter) -> None:
        self.w = writer
        self.pages: list[_Page] = [_Page()]
        self.y: float | None = None

    def line(self, x: float, s: str, size: float = 10.5, bold: bool = False, gap: float = 0) -> int:
        y = 72.0 if self.y is None else self.y + size * 4 / 3 + gap
        if y > 720:
            self.pages.append(_Page())
            y = 72.0
        self.y = y
        self.pages[-1].texts.append((x, y, s, size, bold))
        return len(self.pages)

    def paragraph(self, text: str, gap: float = 6) -> tuple[int, int]:
        toks = [(t, 0) for t in text.split()]
        rows = _wrap(
            toks,
            lambda t: self.w.text_width(t[0], 10.5, font="Helvetica"),
            self.w.text_width(" ", 10.5, font="Helvetica"),
            (72, 72, 540),
        )
        pages = [
            self.line(x, " ".join(t[0] for t in row), gap=gap * (i == 0))
            for i, (x, row) in enumerate(rows)
        ]
        return pages[0], pages[-1]

    def headers(self, values: list[str]) -> tuple[int, int]:
        first = self.line(72, "From:", bold=True, gap=18)
        self.pages[-1].rules.append((72, (self.y or 0) - 16, 540, (self.y or 0) - 16))
        for label, value in zip(_HEADERS, values, strict=True):
            if label != "From:":
                self.line(72, label, bold=True)
            self.pages[-1].texts.append((130, self.y or 0, value, 10.5, False))
        return first, len(self.pages)


def _helvetica(w: PdfWriter, x: float, y: float, s: str, size: float, align: str = "") -> None:
    """Helvetica text at x, or centered on the page (align="c"), or ending at x (align="r")."""
    width = w.text_width(s, size, font="Helvetica") if align else 0
    x = (612 - width) / 2 if align == "c" else x - width
    w.text(x, y, s, size, font="Helvetica")


def _exhibit_layout(sheet: _Sheet, title: str) -> list[TruthParagraph]:
    """Flow the e-mail chain onto the sheet; truth pages count the cover page as page 1."""
    truth = [TruthParagraph(None, "heading", title, None, None, 1, 1)]
    for line in _logical_lines(_EXHIBIT):
        tag, _, text = line.partition(" ")
        if tag == "!":
            first = sheet.y is None
            pages = (sheet.line(72, text, 14 if first else 10, bold=first),) * 2
        elif tag == "@":
            values = text.split(" | ")
            pages = sheet.headers(values)
            text = " ".join(f"{k} {v}" for k, v in zip(_HEADERS, values, strict=True))
        else:
            text = _smarten(text.replace(" [REDACTED]", ""))
            pages = sheet.paragraph(text)
            if text == "Reported posts:":
                sheet.pages[-1].rules.append((-1, sheet.y or 0, 0, 0))  # a redaction box
        truth.append(TruthParagraph(None, "text", text, None, None, pages[0] + 1, pages[1] + 1))
    return truth


def _write_exhibit(path: Path, filing: _Filing, bates: int) -> SampleFile:
    """A cover page, then the e-mail chain: ECF stamp on every page, a Bates number below."""
    w = PdfWriter()
    sheet = _Sheet(w)
    truth = _exhibit_layout(sheet, filing.title)
    total = len(sheet.pages) + 1
    for n, page in enumerate([None, *sheet.pages], 1):
        w.new_page()
        _helvetica(w, 0, STAMP_Y, filing.stamp(n, total), 10, align="c")
        if page is None:
            w.text((612 - w.text_width(filing.title, 28, True)) / 2, 396, filing.title, 28, True)
            continue
        for x, y, s, size, bold in page.texts:
            w.text(x, y, s, size, bold, font="Helvetica")
        for x0, y0, x1, y1 in page.rules:
            if x0 < 0:
                w.rect(150, y0 - 9, 290, y0 + 3, fill=True)
            else:
                w.line(x0, y0, x1, y1, 0.5)
        _helvetica(w, 540, 770, f"STREAMLINE-{bates + n - 2:06d}", 10, align="r")
    w.set_metadata({"title": "Exhibit B", "creator": "reviewer sample generator"})
    w.save(path)
    return SampleFile(path, "exhibit", filing.title, total, tuple(truth))


def write_demo_filings(dest_dir: Path) -> list[SampleFile]:
    """Write the demo matter (complaint, exhibit B, answer) into dest_dir; -> files and truth."""
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    complaint = _Filing(CASE_NO, "ABC", "1", "01/21/25", "COMPLAINT")
    answer = _Filing(CASE_NO, "ABC", "18", "03/24/25", "ANSWER TO COMPLAINT")
    exhibit = _Filing(CASE_NO, "ABC", "1-2", "01/21/25", "EXHIBIT B")
    return [
        _write_pleading(
            dest_dir / "complaint.pdf",
            complaint,
            _COMPLAINT_CAPTION,
            _parse(_COMPLAINT),
            _PLAINTIFF_SIGNATURE,
        ),
        _write_exhibit(dest_dir / "complaint-exhibit-b.pdf", exhibit, 123),
        _write_pleading(
            dest_dir / "answer.pdf", answer, _ANSWER_CAPTION, _parse(_ANSWER), _DEFENSE_SIGNATURE
        ),
    ]
