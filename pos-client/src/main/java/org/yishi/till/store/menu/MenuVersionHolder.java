package org.yishi.till.store.menu;

import java.time.OffsetDateTime;

/** Mutable parameter object for the insert that receives the generated menu version number. */
final class MenuVersionHolder {
    private final String canteenId;
    private final String source;
    private final OffsetDateTime installedAt;
    private Long menuVersion;

    MenuVersionHolder(String canteenId, String source, OffsetDateTime installedAt) {
        this.canteenId = canteenId;
        this.source = source;
        this.installedAt = installedAt;
    }

    public String getCanteenId() {
        return canteenId;
    }

    public String getSource() {
        return source;
    }

    public OffsetDateTime getInstalledAt() {
        return installedAt;
    }

    public Long getMenuVersion() {
        return menuVersion;
    }

    public void setMenuVersion(Long menuVersion) {
        this.menuVersion = menuVersion;
    }
}
