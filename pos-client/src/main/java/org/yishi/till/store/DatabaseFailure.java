package org.yishi.till.store;

import java.sql.SQLException;
import java.util.Set;
import org.h2.api.ErrorCode;
import org.h2.mvstore.MVStoreException;

/**
 * Tells a damaged H2 file from other failures. Only damage justifies moving the database aside and rebuilding it
 * from the journal; a database locked by another process, a failed migration or a mirror that disagrees with the
 * journal must stop the till instead.
 */
final class DatabaseFailure {

    /** H2 error codes that mean the file itself is unreadable. */
    private static final Set<Integer> DAMAGE = Set.of(ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1,
            ErrorCode.DATABASE_IS_CLOSED, ErrorCode.FILE_ENCRYPTION_ERROR_1);

    private DatabaseFailure() {
    }

    /** Whether {@code failure} (or any cause) says the database file is damaged. */
    static boolean isDamage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException) {
                return true;
            }
            if (t instanceof SQLException sql && DAMAGE.contains(sql.getErrorCode())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.GENERAL_ERROR_1
                    && String.valueOf(sql.getMessage()).contains("MVStoreException")) {
                return true;
            }
        }
        return false;
    }
}
