package org.yishi.config.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a hand-written YAML file into a node tree whose every node knows its line and column, with the
 * defences a file from outside needs: a size limit, strict UTF-8, no anchors or aliases (so no "billion
 * laughs" expansion when the tree is walked), no custom tags, and nesting too deep for the parser reported
 * rather than crashing. Values are never converted here: readers take the scalar text, so money never
 * passes through a double.
 */
public final class YamlSource {

    /** Largest file accepted, in bytes (policy files are a few kilobytes). */
    public static final int MAX_BYTES = 1 << 20;

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP);

    private YamlSource() {
    }

    /** Reads and composes a file; problems (unreadable, too big, bad UTF-8, bad YAML) go to {@code problems}. */
    public static Optional<Node> read(Path file, Problems problems) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.add(0, 0, "", "file is " + size + " bytes; the limit is " + MAX_BYTES);
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(0, 0, "", "cannot read file: " + e);
            return Optional.empty();
        }
        return decode(bytes, problems).flatMap(text -> compose(text, problems));
    }

    /** Reads at most {@link #MAX_BYTES} characters from {@code reader} and composes them. */
    public static Optional<Node> read(Reader reader, Problems problems) {
        StringBuilder text = new StringBuilder();
        char[] buf = new char[8192];
        try {
            int n;
            while ((n = reader.read(buf)) >= 0) {
                text.append(buf, 0, n);
                if (text.length() > MAX_BYTES) {
                    problems.add(0, 0, "", "file is longer than the limit of " + MAX_BYTES + " characters");
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            problems.add(0, 0, "", "cannot read file: " + e);
            return Optional.empty();
        }
        return compose(text.toString(), problems);
    }

    private static Optional<String> decode(byte[] bytes, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.add(line, offset - lineStart + 1, "", "not valid UTF-8 (byte offset " + offset
                    + "); save the file as UTF-8, not GBK/GB18030");
            return Optional.empty();
        }
        decoder.flush(out);
        out.flip();
        return Optional.of(out.toString());
    }

    /** Composes YAML text (a leading byte-order mark is ignored). */
    public static Optional<Node> compose(String text, Problems problems) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        LoadSettings settings = LoadSettings.builder()
                .setLabel(problems.file())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(8)
                .setCodePointLimit(MAX_BYTES)
                .setSchema(new CoreSchema())
                .setUseMarks(true)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(body);
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            String what = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            problems.add(m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, "",
                    "YAML syntax error: " + context + what.strip());
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.add(0, 0, "", "YAML error: " + e.getMessage());
            return Optional.empty();
        } catch (StackOverflowError e) {
            // Flow collections cost one character per level: "[[[[..." would otherwise kill the caller.
            problems.add(0, 0, "", "YAML nested too deeply");
            return Optional.empty();
        }
        if (root.isEmpty() || root.get().getTag().equals(Tag.NULL)) {
            problems.add(1, 1, "", "file is empty");
            return Optional.empty();
        }
        return checkStructure(root.get(), problems) ? root : Optional.empty();
    }

    /**
     * Walks the tree once (iteratively, each node once) rejecting anchors/aliases and custom tags. Aliases
     * would let a small file describe a huge tree for any reader that walks it naively.
     */
    private static boolean checkStructure(Node root, Problems problems) {
        int before = problems.total();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue;
            }
            if (n.getAnchor().isPresent()) {
                problems.add(n, "", "anchors and aliases (&" + n.getAnchor().get().getValue()
                        + " / *" + n.getAnchor().get().getValue() + ") are not allowed in this file: write each value out");
            }
            if (!PLAIN_TAGS.contains(n.getTag())) {
                problems.add(n, "", "tag " + n.getTag().getValue() + " is not allowed here");
            }
            if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    todo.push(t.getValueNode());
                    todo.push(t.getKeyNode());
                }
            } else if (n instanceof SequenceNode s) {
                s.getValue().forEach(todo::push);
            }
        }
        return problems.total() == before;
    }
}
