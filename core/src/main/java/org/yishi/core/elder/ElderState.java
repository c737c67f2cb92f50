package org.yishi.core.elder;

/** The registry's view of an elder on a given day. A lifecycle state, not policy data. */
public enum ElderState {
    /** Registered and entitled to be served. */
    ACTIVE,
    /** Temporarily not served (e.g. in hospital, under review). */
    SUSPENDED,
    /** Left the scheme (moved away, withdrew). */
    WITHDRAWN,
    /** The registry recorded the elder's death. */
    DECEASED
}
