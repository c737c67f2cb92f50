/**
 * The till's side of the sync protocol (docs/sync-protocol.md): enrolment ({@link org.yishi.till.sync.Enroller}), one
 * sync round — journal up, registry and policies down, other tills' usage, heartbeat ({@link org.yishi.till.sync.SyncRound})
 * — over Apache HttpClient 5 ({@link org.yishi.till.sync.SyncHttp}), with every acknowledgement and download checked
 * against the server key pinned at enrolment.
 */
package org.yishi.till.sync;
