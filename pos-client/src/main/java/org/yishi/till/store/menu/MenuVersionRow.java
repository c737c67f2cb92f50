package org.yishi.till.store.menu;

import java.time.OffsetDateTime;

/** A row of {@code menu_version}. */
record MenuVersionRow(Long menuVersion, String canteenId, String source, OffsetDateTime installedAt) {
}
