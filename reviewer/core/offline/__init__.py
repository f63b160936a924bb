"""Offline work packages (issue 19): check a part of a matter out to a reviewer's laptop as a
package (a folder that opens like a matter), review away from the office, check it back in.

Modules: ``package`` (the manifest, its digests and the checks that refuse a package of
another matter, of a newer schema, or altered by hand), ``keys`` (what identifies a row
apart from its id, so ids made offline never collide), ``checkout`` (writing a package and
the list of batches), ``merge`` (the three-way merge of one change), ``checkin`` (replaying a
package's operations in one transaction, idempotent and order-independent) and
``conflicts`` (listing and settling what both sides set differently).
"""

from reviewer.core.offline.checkin import CheckinResult, checkin, checkin_steps
from reviewer.core.offline.checkout import Batch, batches, checkout, checkout_steps
from reviewer.core.offline.conflicts import Conflict, list_conflicts, resolve
from reviewer.core.offline.package import OfflineError, read_manifest

__all__ = [
    "Batch",
    "CheckinResult",
    "Conflict",
    "OfflineError",
    "batches",
    "checkin",
    "checkin_steps",
    "checkout",
    "checkout_steps",
    "list_conflicts",
    "read_manifest",
    "resolve",
]
