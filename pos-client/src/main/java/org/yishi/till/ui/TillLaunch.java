package org.yishi.till.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code yishi till} was asked to start.
 *
 * @param demoDir     the demo till's directory (made on first use)
 * @param policiesDir the shipped policy files
 * @param language    {@code zh} (default) or {@code en}
 * @param printer     printer target ({@code screen:} for the on-screen preview)
 * @param pcsc        also watch PC/SC readers (the simulated card panel stays)
 * @param customerWindow open the customer display window
 * @param screenshots    when set: walk the windows through a demo, save PNGs of each screen here, and exit
 */
public record TillLaunch(Path demoDir, Path policiesDir, String language, String printer, boolean pcsc,
        boolean customerWindow, Optional<Path> screenshots) {

    public TillLaunch {
        Objects.requireNonNull(demoDir, "demoDir");
        Objects.requireNonNull(policiesDir, "policiesDir");
        language = language == null ? "zh" : language;
        printer = printer == null ? "screen:" : printer;
        Objects.requireNonNull(screenshots, "screenshots");
    }
}
