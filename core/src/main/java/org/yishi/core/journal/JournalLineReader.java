package org.yishi.core.journal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a journal byte stream into lines at {@code \n}, keeping each line's byte offset (for truncating a torn
 * tail) and decoding strictly as UTF-8 (an undecodable line is reported, never repaired). Streams: a journal can
 * be years long.
 */
final class JournalLineReader implements Closeable {

    /** Far above any record (a sale with many items is a few KB); guards against a hostile file exhausting memory. */
    static final int MAX_LINE_BYTES = 1024 * 1024;

    /**
     * One line. {@code text} is null when the bytes are not valid UTF-8 ({@code decodeError} says why).
     * {@code terminated} is false only for a last line without its newline. {@code bytes} are the line's bytes
     * without the newline when it was decoded (the verifier hashes and checks signatures on them instead of encoding
     * the text again), else null.
     */
    record Line(long number, long offset, int byteLength, String text, String decodeError, boolean terminated, byte[] bytes) {

        Line(long number, long offset, int byteLength, String text, String decodeError, boolean terminated) {
            this(number, offset, byteLength, text, decodeError, terminated, null);
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[256 * 1024];
    private int bufferPos;
    private int bufferLimit;
    private long offset;
    private long lineNumber;
    private boolean eof;

    JournalLineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        if (eof) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        long start = offset;
        long skipped = 0;
        while (true) {
            if (bufferPos == bufferLimit) {
                int n = in.read(buffer);
                if (n < 0) {
                    eof = true;
                    if (bytes.size() == 0 && skipped == 0) {
                        return null;
                    }
                    return skipped > 0 ? tooLong(start, skipped, false) : decode(bytes.toByteArray(), start, false);
                }
                bufferPos = 0;
                bufferLimit = n;
            }
            int from = bufferPos;
            while (bufferPos < bufferLimit && buffer[bufferPos] != '\n') {
                bufferPos++;
            }
            if (skipped == 0 && bytes.size() + (bufferPos - from) <= MAX_LINE_BYTES) {
                bytes.write(buffer, from, bufferPos - from);
            } else {
                skipped += bytes.size() + (bufferPos - from);
                bytes.reset();
            }
            offset += bufferPos - from;
            if (bufferPos < bufferLimit) {
                bufferPos++;
                offset++;
                return skipped > 0 ? tooLong(start, skipped, true) : decode(bytes.toByteArray(), start, true);
            }
        }
    }

    private Line tooLong(long start, long length, boolean terminated) {
        lineNumber++;
        return new Line(lineNumber, start, (int) Math.min(Integer.MAX_VALUE, length + (terminated ? 1 : 0)), null,
                "line is longer than " + MAX_LINE_BYTES + " bytes", terminated);
    }

    private Line decode(byte[] bytes, long start, boolean terminated) {
        lineNumber++;
        int length = bytes.length + (terminated ? 1 : 0);
        // The String constructor is several times faster than the strict decoder but replaces malformed input with
        // U+FFFD: without any U+FFFD in its result, the bytes were valid UTF-8 and the strict decoder would give the same.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return new Line(lineNumber, start, length, fast, null, terminated, bytes);
        }
        try {
            String text = decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
            return new Line(lineNumber, start, length, text, null, terminated, bytes);
        } catch (CharacterCodingException e) {
            return new Line(lineNumber, start, length, null, "not valid UTF-8 (" + e.getMessage() + ")", terminated);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
