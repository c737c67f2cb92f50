package org.yishi.core.journal;

/** Where the verifier's trust in the journal's first key came from. */
public enum TrustMode {
    /** TILL_START had to announce one of the keys the caller pinned (e.g. registered when the till was enrolled). */
    PINNED_KEYS,
    /**
     * Trust on first use: the key TILL_START announces was accepted as it is. The journal is then only proven
     * consistent with itself; anyone holding any key can write such a journal. Compare the reported first key id
     * with the till's registered key before relying on it.
     */
    TRUST_ON_FIRST_USE,
    /** A run resumed from a checkpoint: trust is what the verification that made the checkpoint established. */
    CHECKPOINT
}
