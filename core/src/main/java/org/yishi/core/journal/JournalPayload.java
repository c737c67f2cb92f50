package org.yishi.core.journal;

import java.util.Map;

/**
 * The typed form of a record payload. Each record type has one implementation; {@link #toPayload()} gives the map
 * that {@link JournalWriter#append(RecordType, Map)} writes and {@link #of(RecordType, Map)} reads it back,
 * strictly (all documented fields present, no others, values consistent).
 */
public sealed interface JournalPayload permits TillStartPayload, KeyRotationPayload, ShiftOpenPayload, SalePayload,
        ReversalPayload, ReprintPayload, ShiftClosePayload, SatisfactionPayload, PolicyUpdatePayload,
        RegistryUpdatePayload, OfflineStartPayload, OfflineEndPayload, StaffPayload,
        RefusedIdentificationPayload {

    /** The record type this payload belongs to. */
    RecordType type();

    /** The payload as the JSON value domain of {@link CanonicalJson}. */
    Map<String, Object> toPayload();

    /**
     * Reads a payload of the given record type.
     *
     * @throws InvalidPayloadException naming the record type and the field that is wrong
     */
    static JournalPayload of(RecordType type, Map<String, ?> payload) {
        String path = type.name();
        try {
            return switch (type) {
                case TILL_START -> TillStartPayload.read(payload, path);
                case KEY_ROTATION -> KeyRotationPayload.read(payload, path);
                case SHIFT_OPEN -> ShiftOpenPayload.read(payload, path);
                case SALE -> SalePayload.read(payload, path);
                case VOID, REFUND -> ReversalPayload.read(type, payload, path);
                case REPRINT -> ReprintPayload.read(payload, path);
                case SHIFT_CLOSE -> ShiftClosePayload.read(payload, path);
                case SATISFACTION -> SatisfactionPayload.read(payload, path);
                case POLICY_UPDATE -> PolicyUpdatePayload.read(payload, path);
                case REGISTRY_UPDATE -> RegistryUpdatePayload.read(payload, path);
                case OFFLINE_START -> OfflineStartPayload.read(payload, path);
                case OFFLINE_END -> OfflineEndPayload.read(payload, path);
                case STAFF -> StaffPayload.read(payload, path);
                case IDENTIFICATION_REFUSED -> RefusedIdentificationPayload.read(payload, path);
            };
        } catch (InvalidPayloadException e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            throw new InvalidPayloadException(path + " payload: " + e.getMessage());
        }
    }
}
