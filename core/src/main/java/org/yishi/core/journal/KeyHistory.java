package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Every signing key a till has had, oldest first — public halves only, so the file is not secret and an auditor
 * can read it without the till's OS account (docs/till-store.md#key-rotation). The first entry is the key the
 * till's TILL_START announced: the one to pin. Each later entry was announced by a KEY_ROTATION signed by the one
 * before it. Exactly one entry is {@code current} (it signs new records); the ones before it are {@code retired}
 * (they never sign again); a last {@code next} entry is a rotation in progress (saved, perhaps not yet journalled).
 *
 * @param entries oldest first
 */
public record KeyHistory(List<Entry> entries) {

    static final String FORMAT = "yishi-till-key-history/1";

    /** Where an entry stands. */
    public enum Status {
        RETIRED, CURRENT, NEXT;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status ofCode(String code) {
            for (Status s : values()) {
                if (s.code().equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown key status \"" + code + "\" (retired, current or next)");
        }
    }

    /**
     * One key.
     *
     * @param keyId     its id (first 16 hex of SHA-256 over the X.509 encoding)
     * @param publicKey base64 X.509, as TILL_START and KEY_ROTATION carry it
     * @param status    retired, current or next
     */
    public record Entry(String keyId, String publicKey, Status status) {
        public Entry {
            Objects.requireNonNull(status, "status");
            String derived = JournalFormat.keyIdOf(JournalFormat.decodePublicKey(Objects.requireNonNull(publicKey, "publicKey")));
            if (!derived.equals(keyId)) {
                throw new IllegalArgumentException("key id " + keyId + " does not belong to its public key (whose id is " + derived + ")");
            }
        }

        static Entry of(PublicKey key, Status status) {
            return new Entry(JournalFormat.keyIdOf(key), JournalFormat.encodePublicKey(key), status);
        }

        public PublicKey key() {
            return JournalFormat.decodePublicKey(publicKey);
        }
    }

    /** How the keys a journal was signed with fit this history. */
    public sealed interface Fit {
        /** The journal used the history's keys in order and ends with the current (or the next) one. */
        record Fits() implements Fit {
        }

        /**
         * The journal's key number {@code position} (1-based, in order of use) is not the history's.
         *
         * @param historyKeyId the history's key at that position, null when the history has fewer keys
         */
        record Differs(int position, String journalKeyId, String historyKeyId) implements Fit {
        }

        /**
         * The journal ends with a key the till has since rotated away from: the KEY_ROTATION and everything after it
         * are missing — a cut-off tail, which the journal alone could not show.
         */
        record CutOff(String journalLastKeyId, String currentKeyId) implements Fit {
        }
    }

    public KeyHistory {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a key history has at least the till's first key");
        }
        int current = -1;
        for (int i = 0; i < entries.size(); i++) {
            Status s = entries.get(i).status();
            boolean inOrder = switch (s) {
                case RETIRED -> current < 0;
                case CURRENT -> current < 0;
                case NEXT -> current >= 0 && i == entries.size() - 1;
            };
            if (!inOrder) {
                throw new IllegalArgumentException("key " + entries.get(i).keyId() + " is " + s.code()
                        + " out of order: retired keys first, then the current one, then at most one next");
            }
            if (s == Status.CURRENT) {
                current = i;
            }
            for (int j = 0; j < i; j++) {
                if (entries.get(j).keyId().equals(entries.get(i).keyId())) {
                    throw new IllegalArgumentException("key " + entries.get(i).keyId() + " appears twice: a retired key never comes back");
                }
            }
        }
        if (current < 0) {
            throw new IllegalArgumentException("no key is marked current");
        }
    }

    /** The history of a till that has had only {@code first}. */
    public static KeyHistory startingWith(PublicKey first) {
        return new KeyHistory(List.of(Entry.of(first, Status.CURRENT)));
    }

    /** The key TILL_START announced: the one to pin (later keys are trusted through the KEY_ROTATION chain). */
    public PublicKey first() {
        return entries.get(0).key();
    }

    public Entry current() {
        return entries.stream().filter(e -> e.status() == Status.CURRENT).findFirst().orElseThrow();
    }

    /** A rotation in progress: its new key. */
    public Optional<Entry> next() {
        Entry last = entries.get(entries.size() - 1);
        return last.status() == Status.NEXT ? Optional.of(last) : Optional.empty();
    }

    /** With {@code key} as the next key (a rotation begins). */
    public KeyHistory withNext(PublicKey key) {
        if (next().isPresent()) {
            throw new IllegalStateException("a key rotation is already in progress (next key " + next().get().keyId() + ")");
        }
        List<Entry> out = new ArrayList<>(entries);
        out.add(Entry.of(key, Status.NEXT));
        return new KeyHistory(out);
    }

    /** The next key is current, the current one retired (the rotation is journalled). No next key: unchanged. */
    public KeyHistory promoteNext() {
        if (next().isEmpty()) {
            return this;
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            Status s = switch (e.status()) {
                case RETIRED, CURRENT -> Status.RETIRED;
                case NEXT -> Status.CURRENT;
            };
            out.add(new Entry(e.keyId(), e.publicKey(), s));
        }
        return new KeyHistory(out);
    }

    /** Without the next key (a rotation that never reached the journal). */
    public KeyHistory withoutNext() {
        return next().isEmpty() ? this : new KeyHistory(entries.subList(0, entries.size() - 1));
    }

    /**
     * How {@code journalKeyIds} — the keys a verified journal was signed with, in order of use — fit this history.
     */
    public Fit fit(List<String> journalKeyIds) {
        for (int i = 0; i < journalKeyIds.size(); i++) {
            String history = i < entries.size() ? entries.get(i).keyId() : null;
            if (!journalKeyIds.get(i).equals(history)) {
                return new Fit.Differs(i + 1, journalKeyIds.get(i), history);
            }
        }
        if (journalKeyIds.isEmpty()) {
            return new Fit.Fits();
        }
        Entry last = entries.get(journalKeyIds.size() - 1);
        // A journal ending with the next key is a rotation journalled but not yet taken into use (a crash in between):
        // the till finishes it when it next opens.
        return last.status() == Status.RETIRED ? new Fit.CutOff(last.keyId(), current().keyId()) : new Fit.Fits();
    }

    /** The file's text: a header saying what it is, then one {@code <keyId> <publicKey> <status>} line per key. */
    public String text() {
        StringBuilder sb = new StringBuilder()
                .append("# Yishi till key history: every Ed25519 key this till has signed with, oldest first. Public keys only.\n")
                .append("# The first is the key its TILL_START announced (pin it); each later one was announced by a KEY_ROTATION\n")
                .append("# signed by the one before. current: signs new records; retired: never signs again; next: a rotation in progress.\n")
                .append(FORMAT).append('\n');
        entries.forEach(e -> sb.append(e.keyId()).append(' ').append(e.publicKey()).append(' ').append(e.status().code()).append('\n'));
        return sb.toString();
    }

    /**
     * Reads a history file.
     *
     * @throws IllegalStateException naming the file and line if it is not one
     * @throws UncheckedIOException  if it cannot be read
     */
    public static KeyHistory read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the till key history " + file + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        boolean header = false;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                if (!header) {
                    if (!line.equals(FORMAT)) {
                        throw new IllegalArgumentException("expected \"" + FORMAT + "\"");
                    }
                    header = true;
                    continue;
                }
                String[] parts = line.split(" ");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("expected <keyId> <publicKey> <status>");
                }
                entries.add(new Entry(parts[0], parts[1], Status.ofCode(parts[2])));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("till key history " + file + " line " + n + ": " + e.getMessage(), e);
            }
        }
        try {
            return new KeyHistory(entries);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("till key history " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@link #read(Path)} if the file exists: a till not opened since histories were introduced has none. */
    public static Optional<KeyHistory> readIfPresent(Path file) {
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }
}
