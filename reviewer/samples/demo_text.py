"""The demo matter's complaint: court, parties, caption, script and signature of the fictional
*Jane Doe v. Streamline Social, Inc.* (the answer and the exhibit are in ``demo_answer``). All of
it invented; ``demo`` lays it out on pages."""

from __future__ import annotations

from reviewer.samples.pleading import CASE_NO, _Caption

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
