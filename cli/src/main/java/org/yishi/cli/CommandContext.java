package org.yishi.cli;

import java.io.PrintWriter;

/**
 * What a subcommand needs from the command line it runs under: where its output and its errors go, and the language
 * asked for. The till's and the administrator's root commands both provide it, so a subcommand shared by both jars
 * (such as {@code journal verify}) takes it as its {@code @ParentCommand} without knowing which one it runs under.
 */
public interface CommandContext {

    /** Standard output: results. */
    PrintWriter out();

    /** Standard error: refusals, warnings, usage. */
    PrintWriter err();

    /** The language tag asked for ({@code --lang} or {@code YISHI_LANG}), null for the default (Chinese). */
    String language();
}
