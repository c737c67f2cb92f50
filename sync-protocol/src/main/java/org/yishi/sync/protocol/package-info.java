/**
 * The till ↔ settlement-server sync protocol's wire types ({@code docs/sync-protocol.md}): what a till uploads
 * ({@link JournalBatch}), what the server answers ({@link Acknowledgement}, problem details of a {@link ProblemType}),
 * enrolment ({@link EnrolmentRequest}, {@link Enrolment}), the heartbeat, and the server's signatures over what it
 * sends ({@link ServerSignatures}). JSON through {@link SyncJson} (Jackson 3 lives only in this module).
 *
 * <p>Every type here is a value: records, immutable, validated on construction so a malformed message fails where it
 * is read, with the field it got wrong.
 */
package org.yishi.sync.protocol;
