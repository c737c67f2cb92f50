package org.yishi.till.staff;

import java.time.OffsetDateTime;

/** A staff number's consecutive wrong PINs and lockout end (null when not locked out). */
record LoginStateRow(String staffNo, int failedAttempts, OffsetDateTime lockedUntil) {
}
