package org.yishi.config.till;

import java.util.Optional;

/**
 * A full check of a printer target's text, handed to {@link TillConfigLoader} by the module that owns printer
 * targets (pos-client passes the receipts module's parser), so its refusal is reported at the file's line and
 * column while config itself stays free of a receipts dependency.
 */
@FunctionalInterface
public interface PrinterTargetCheck {

    /** Accepts every target whose scheme the loader already recognised. */
    PrinterTargetCheck SCHEME_ONLY = target -> Optional.empty();

    /** What is wrong with {@code target}, or empty when it is fine. */
    Optional<String> problem(String target);
}
