"""Hand-read captions of every corpus filing: kind, court (Bluebook), case number
(normalised), case name (Bluebook style, first party on each side).

Established by reading each first page (PyMuPDF text with positions; pages rendered with
pdftoppm and looked at), independently of ``reviewer.core.ingest.captions``. Values are what the
filing itself prints: ``None`` where it prints none (an exhibit with no caption page). A
case number printed without its office digit (``15-cv-02543``) stays so unless the ECF
stamp, the court's own record, gives it. ``ocr`` marks filings whose caption is only in a
page image (a scan, or glyph garbage): without OCR those parts cannot be read from text.

Where the manifest's kind disagrees, the kind here is the one the document's own title
gives and ``MANIFEST_DISAGREES`` says why.
"""

from __future__ import annotations

from typing import NamedTuple


class Truth(NamedTuple):
    kind: str
    court: str | None
    case_no: str | None
    case_name: str | None
    ocr: bool = False  # caption printed only in an image


CAPTIONS: dict[str, Truth] = {
    "akd-thomas-complaint-page1-hidden-text.pdf": Truth(
        "complaint", "D. Alaska", "3:19-cv-00227", "Thomas v. Scooper Troopper, LLC"),
    "ared-118974-exhibit-emails-scanned.pdf": Truth(
        "exhibit", None, "4:19-cv-00655", None, ocr=True),
    "ared-declaration-ocr-scan.pdf": Truth("declaration", None, "4:21-cv-00518", None),
    "ca-sd-superior-hao-keppel-complaint.pdf": Truth(
        "complaint", "Cal. Super. Ct.", None, "Hao-Keppel v. Desert Auto Group V, LLC"),
    "cacd-584255-findings-of-fact-115p.pdf": Truth(
        "order", "C.D. Cal.", "8:14-cv-00341",
        "TCL Communication Technology Holdings, Ltd. v. Telefonaktiebolaget LM Ericsson"),
    "cacd-646349-opposition-clawback-privilege.pdf": Truth(
        "brief", "C.D. Cal.", "2:16-cv-02859",
        "MACOM Technology Solutions Holdings Inc. v. Infineon Technologies AG"),
    "cacd-667461-exhibit-survey-report.pdf": Truth("exhibit", None, "2:17-cv-00220", None),
    "cacd-775858-civil-minutes-image-only.pdf": Truth(
        "order", "C.D. Cal.", "2:20-cv-02299", "JBF Interlude 2009 Ltd. v. Quibi Holdings LLC",
        ocr=True),
    "cacd-793085-partial-motion-to-dismiss.pdf": Truth(
        "motion", "C.D. Cal.", "2:20-cv-07872", "NantWorks, LLC v. Bank of America Corporation"),
    "cacd-798862-redline-first-amended-complaint.pdf": Truth(
        "complaint", "C.D. Cal.", "2:20-cv-09582", "Bryant v. County of Los Angeles", ocr=True),
    "caed-373457-complaint.pdf": Truth(
        "complaint", "E.D. Cal.", "1:20-cv-00713",
        "Independent Physicians Associates Medical Group, Inc. v. "
        "Ironshore Specialty Insurance Company"),
    "cand-206019-decl-of-service-ocr-scan.pdf": Truth("other", None, None, None),
    "cand-288207-order-pleading-paper.pdf": Truth(
        "order", "N.D. Cal.", "15-cv-02543", "Tessera, Inc. v. Toshiba Corporation"),
    "cand-290385-hearing-transcript.pdf": Truth(
        "transcript", "N.D. Cal.", "3:15-cv-03747",
        "In re Facebook Biometric Information Privacy Litigation"),
    "cand-306945-exhibit-expert-report-391p.pdf": Truth(
        "exhibit", "N.D. Cal.", "5:17-cv-00220",
        "Federal Trade Commission v. Qualcomm Incorporated"),
    "cand-313162-motion-summary-judgment.pdf": Truth(
        "motion", "N.D. Cal.", "5:17-cv-03504",
        "San Pedro-Salcedo v. The Häagen-Dazs Shoppe Company, Inc."),
    "cand-316263-second-amended-complaint.pdf": Truth(
        "complaint", "N.D. Cal.", "5:17-cv-04992",
        "Monterey Bay Military Housing, LLC v. Ambac Assurance Corporation"),
    "cand-320086-motion-to-dismiss-sac.pdf": Truth(
        "motion", "N.D. Cal.", "3:17-cv-06932",
        "Micron Technology, Inc. v. United Microelectronics Corporation"),
    "cand-349925-interrogatories.pdf": Truth("discovery", None, "4:19-cv-06669", None),
    "cand-nibi-ex-parte-application.pdf": Truth(
        "motion", "N.D. Cal.", "5:24-cv-06184", "Nibi, Inc. v. Doe"),
    "cand-nibi-order-granting-discovery.pdf": Truth(
        "order", "N.D. Cal.", "5:24-cv-06184", "Nibi, Inc. v. Doe"),
    "cand-nibi-v-doe-complaint.pdf": Truth(
        "complaint", "N.D. Cal.", "5:24-cv-06184", "Nibi, Inc. v. Doe", ocr=True),
    "cod-berkshire-v-schubert-complaint.pdf": Truth(
        "complaint", "D. Colo.", "1:21-cv-01061",
        "Berkshire Life Insurance Company of America v. Schubert"),
    "dev2-cacd-2-18-cv-09321-55-3.pdf": Truth(
        "motion", "C.D. Cal.", "2:18-cv-09321", "Kong v. Getty"),
    "dev2-cacd.624044.398.0.pdf": Truth("order", "C.D. Cal.", "2:15-cv-05642", "Gray v. Hudson"),
    "dev2-cacd.630649.326.0_1.pdf": Truth(
        "order", "C.D. Cal.", "2:15-cv-08162",
        "Kennis v. Metropolitan West Asset Management, LLC"),
    "dev2-cacd.649554.1409.0.pdf": Truth(
        "order", "C.D. Cal.", "16-cr-00076", "United States v. Milheiser"),
    "dev2-cacd.660322.351.1.pdf": Truth(
        "declaration", "C.D. Cal.", "2:16-cv-07519", "Nestlé USA, Inc. v. Crest Foods, Inc."),
    "dev2-cacd.661853.352.2.pdf": Truth(
        "stipulation", "C.D. Cal.", "2:16-cv-08033",
        "Nomadix, Inc. v. Guest-Tek Interactive Entertainment Ltd."),
    "dev2-cacd.719911.55.32_1.pdf": Truth(
        "declaration", "C.D. Cal.", "2:18-cv-07090", "DMF, Inc. v. AMP Plus, Inc."),
    "dev2-cacd.719911.55.44.pdf": Truth(
        "declaration", "C.D. Cal.", "2:18-cv-07090", "DMF, Inc. v. AMP Plus, Inc."),
    "dev2-canb.580912.33.0.pdf": Truth(
        "motion", "Bankr. N.D. Cal.", "20-50682", "In re Wave Computing, Inc."),
    "dev2-canb.582112.201.0.pdf": Truth(
        "declaration", "Bankr. N.D. Cal.", "20-03050", "Levandowski v. Uber Technologies, Inc."),
    "dev2-cand.325983.155.6.pdf": Truth(
        "declaration", "N.D. Cal.", "3:18-cv-02542", "William v. Morrison & Foerster LLP"),
    "dev2-cand.330639.212.0.pdf": Truth(
        "brief", "N.D. Cal.", "3:18-cv-04954", "Bally v. State Farm Life Insurance Company"),
    "dev2-cand.330704.16.6_1.pdf": Truth(
        "declaration", "N.D. Cal.", "3:18-mc-80132",
        "In re Ex Parte Application of Palantir Technologies Inc."),
    "dev2-cand.334874.713.0.pdf": Truth(
        "order", "N.D. Cal.", "4:18-cv-06972", "Holley v. Gilead Sciences, Inc."),
    "dev2-cand.340216.67.4.pdf": Truth(
        "declaration", "N.D. Cal.", "4:19-cv-01668", "Lily v. Breslin"),
    "dev2-cand.348075.75.1.pdf": Truth(
        "exhibit", "N.D. Cal.", "3:19-cv-05711",
        "Abante Rooter and Plumbing, Inc. v. Total Merchant Services, LLC"),
    "dev2-cand.350613.139.1.pdf": Truth(
        "declaration", "N.D. Cal.", "4:19-cv-07123",
        "WhatsApp Inc. v. NSO Group Technologies Limited"),
    "insd-teamsters-funds-complaint.pdf": Truth(
        "complaint", "S.D. Ind.", "1:24-cv-00524",
        "Trustees of the Indiana Teamsters Health Benefits Plan v. Indy Dirt Werks, LLC"),
    "mdd-harvey-v-cnn-amended-complaint.pdf": Truth(
        "complaint", "D. Md.", "1:20-cv-03068", "Harvey v. Cable News Network, Inc."),
    "nynd-criminal-complaint-scanned.pdf": Truth(
        "complaint", "N.D.N.Y.", "8:20-mj-00487", "United States v. Brown", ocr=True),
    "nysd-413741-opinion-scanned-first-page.pdf": Truth(
        "order", "S.D.N.Y.", "1:12-cv-05708", "In re Hostess Brands, Inc.", ocr=True),
    "nysd-413994-order-garbled-text.pdf": Truth(
        "order", "S.D.N.Y.", "1:13-cv-04384", "Daniel v. T&M Protection Resources LLC", ocr=True),
    "nysd-sweigert-v-goodman-order.pdf": Truth(
        "order", "S.D.N.Y.", "1:18-cv-08653", "Sweigert v. Goodman"),
    "tn-workers-comp-expedited-hearing-order.pdf": Truth(
        "order", "Tenn. Ct. Workers' Comp. Cl.", "2018-06-1735",
        "Calderon-Fuentes v. CEVA Logistics U.S. Holdings"),
}  # fmt: skip

# The manifest's kind column against the document's own title.
MANIFEST_DISAGREES = {
    # first page titled DECLARATION OF ANGELA FRYE (no exhibit slip sheet in the text)
    "ared-declaration-ocr-scan.pdf": "exhibit",
    # first words INTERROGATORIES / RESPONSE: discovery responses, filed as Dkt. 88-3
    "cand-349925-interrogatories.pdf": "exhibit",
    # caption title NOTICE AND APPLICATION FOR DEFAULT JUDGMENT BY COURT: an application
    "dev2-cacd-2-18-cv-09321-55-3.pdf": "declaration",
}
