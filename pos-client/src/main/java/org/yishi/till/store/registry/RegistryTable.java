package org.yishi.till.store.registry;

import java.util.Optional;

/**
 * What a {@link RegistryImport} needs to know about the table it fills: how a value is checked, keyed, written and
 * blocked, and how a full export removes what it left out. One per table (elders, cards).
 *
 * @param <T> the domain value imported
 */
interface RegistryTable<T> {

    /** "elders", "cards": the import's kind in reports and in {@code registry_import}. */
    String kind();

    /** Why the cache cannot take the value, if it cannot. */
    Optional<String> problem(T value);

    /** The value's key (elder id, card UID): what a refusal of it blocks. */
    String key(T value);

    void upsert(RegistryMapper mapper, T value, long generation);

    /** Why a value whose upsert wrote nothing was refused. */
    String notWritten(T value);

    /** Blocks the cached record with this key; returns how many rows that changed (0: not in the cache). */
    int block(RegistryMapper mapper, String key, String reason, long generation);

    /**
     * After a full import: removes the records not written or blocked by generation {@code generation}.
     *
     * @return how many of the table's own records that removes (counted first: the batch session runs the deletes
     *         at commit)
     */
    long removeAbsent(RegistryMapper mapper, long generation);
}
