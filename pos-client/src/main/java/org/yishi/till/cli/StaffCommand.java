package org.yishi.till.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.yishi.config.registry.PinHasher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code yishi staff}: what an administrator needs to write a till's staff.csv. */
@Command(name = "staff", description = "Till staff: hash a PIN for staff.csv.", subcommands = {StaffCommand.HashPin.class})
final class StaffCommand implements Callable<Integer> {

    @ParentCommand
    YishiCommand root;

    @Override
    public Integer call() {
        new CommandLine(this).usage(root.err());
        return 2;
    }

    /**
     * {@code yishi staff hash-pin}: asks for a PIN twice without echoing it (or reads one line from standard input
     * when there is no terminal, for scripts) and prints its bcrypt hash for the {@code pin_hash} column. The PIN
     * itself is never printed or stored.
     */
    @Command(name = "hash-pin", description = "Print the bcrypt hash of a PIN for staff.csv (the PIN is asked without echo, or read from standard input).")
    static final class HashPin implements Callable<Integer> {

        @ParentCommand
        private StaffCommand staff;

        @Option(names = "--cost", defaultValue = "" + PinHasher.DEFAULT_COST, description = "bcrypt cost, 4-31. Default: ${DEFAULT-VALUE}.")
        private int cost;

        @Override
        public Integer call() throws IOException {
            CliMessages m = staff.root.messages();
            char[] pin = null;
            try {
                Console console = System.console();
                if (console != null) {
                    pin = console.readPassword(m.get("staff.pin.ask"));
                    char[] again = console.readPassword(m.get("staff.pin.again"));
                    boolean same = pin != null && Arrays.equals(pin, again);
                    if (again != null) {
                        Arrays.fill(again, '\0');
                    }
                    if (!same) {
                        staff.root.err().println(m.get("staff.pin.mismatch"));
                        return 1;
                    }
                } else {
                    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    pin = line == null ? new char[0] : line.strip().toCharArray();
                }
                staff.root.out().println(new PinHasher(cost).hash(pin));
                return 0;
            } catch (IllegalArgumentException e) {
                staff.root.err().println(m.get("staff.pin.bad", e.getMessage()));
                return 2;
            } finally {
                if (pin != null) {
                    Arrays.fill(pin, '\0');
                }
            }
        }
    }
}
