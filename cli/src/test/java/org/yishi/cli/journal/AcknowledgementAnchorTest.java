package org.yishi.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cli.journal.JournalCommandRunner.Run;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.SampleJournal;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.TillKeys;
import org.yishi.sync.protocol.Acknowledgement;
import org.yishi.sync.protocol.ServerSignatures;
import org.yishi.sync.protocol.SyncJson;

/** {@code journal verify --anchor FILE --server-key KEY}: the server's signed acknowledgement as the outside anchor. */
class AcknowledgementAnchorTest {

    private static final String SERVER_TIME = "2026-12-03T12:00:00.000+08:00";

    @TempDir
    Path dir;

    private final TillKeys tillKeys = TillKeys.generate();
    private final ServerSignatures.Signer server = new ServerSignatures.Signer(TillKeys.generate());
    private Path journal;
    private List<String> lines;

    @BeforeEach
    void writeJournal() {
        journal = dir.resolve("journal-" + SampleJournal.TILL + ".jsonl");
        lines = SampleJournal.write(journal, tillKeys);
    }

    private Path ackOf(Acknowledgement ack) throws Exception {
        Path file = dir.resolve("ack.json");
        Files.writeString(file, new SyncJson().write(ack), StandardCharsets.UTF_8);
        return file;
    }

    private Path acknowledgedUpTo(int seq) throws Exception {
        SignedRecord r = JournalReader.parseLine(lines.get(seq - 1));
        return ackOf(server.acknowledge(SampleJournal.TILL, r.seq(), r.hash(), SERVER_TIME));
    }

    private Run verify(Path ack, String serverKey) {
        return serverKey == null
                ? JournalCommandRunner.run("--lang", "en", "journal", "verify", journal.toString(), "--anchor", ack.toString())
                : JournalCommandRunner.run("--lang", "en", "journal", "verify", journal.toString(), "--anchor", ack.toString(),
                        "--server-key", serverKey);
    }

    private String serverKey() {
        return JournalFormat.encodePublicKey(server.publicKey());
    }

    @Test
    void aJournalHoldingTheAcknowledgedRecordVerifiesAndSaysItWasAnchored() throws Exception {
        Run r = verify(acknowledgedUpTo(SampleJournal.RECORDS - 3), serverKey());

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Anchored at the server's acknowledgement: till " + SampleJournal.TILL + " up to seq "
                + (SampleJournal.RECORDS - 3)).contains("OK " + journal);
    }

    @Test
    void aJournalCutOffBeforeTheAcknowledgedRecordFails() throws Exception {
        Path ack = acknowledgedUpTo(SampleJournal.RECORDS);
        Files.write(journal, lines.subList(0, SampleJournal.RECORDS - 2), StandardCharsets.UTF_8);

        Run r = verify(ack, serverKey());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("MISSING_RECORDS");
    }

    @Test
    void aJournalRewrittenFromTheAcknowledgedRecordOnFailsThoughEveryLineIsSigned() throws Exception {
        // The acknowledged record's hash, not the till's own signatures, is what a rewrite by the key holder cannot match.
        SignedRecord r = JournalReader.parseLine(lines.get(4));
        Path ack = ackOf(server.acknowledge(SampleJournal.TILL, r.seq(), "0".repeat(63) + "1", SERVER_TIME));

        Run run = verify(ack, serverKey());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("ANCHOR_MISMATCH");
    }

    @Test
    void anAcknowledgementNotSignedByTheGivenServerKeyIsNotUsed() throws Exception {
        SignedRecord tenth = JournalReader.parseLine(lines.get(9));
        Acknowledgement genuine = server.acknowledge(SampleJournal.TILL, tenth.seq(), tenth.hash(), SERVER_TIME);
        Acknowledgement movedBack = new Acknowledgement(genuine.tillId(), genuine.seq() - 1, genuine.hash(), genuine.serverTime(),
                genuine.keyId(), genuine.signature());

        Run edited = verify(ackOf(movedBack), serverKey());
        Run otherServer = verify(ackOf(genuine), JournalFormat.encodePublicKey(TillKeys.generate().publicKey()));

        assertThat(edited.status()).isEqualTo(1);
        assertThat(edited.err()).contains("is not signed by the server key given");
        assertThat(otherServer.status()).isEqualTo(1);
        assertThat(otherServer.err()).contains("is not signed by the server key given");
    }

    @Test
    void anAcknowledgementFileWithoutAServerKeyOrNotAnAcknowledgementIsAUsageProblem() throws Exception {
        Path ack = acknowledgedUpTo(3);
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{\"tillId\":\"X\",\"seq\":\"many\"}");

        Run noKey = verify(ack, null);
        Run notAck = verify(garbage, serverKey());
        Run otherTill = JournalCommandRunner.run("--lang", "en", "journal", "verify", journal.toString(), "--anchor", ack.toString(),
                "--server-key", serverKey(), "--till", "SOMEONE-ELSE");
        Run badSeq = JournalCommandRunner.run("--lang", "en", "journal", "verify", journal.toString(), "--anchor", "twelve");

        assertThat(noKey.status()).isEqualTo(2);
        assertThat(noKey.err()).contains("--server-key");
        assertThat(notAck.status()).isEqualTo(1);
        assertThat(notAck.err()).contains("is not an acknowledgement");
        assertThat(otherTill.status()).isEqualTo(2);
        assertThat(otherTill.err()).contains("is for till " + SampleJournal.TILL + ", not SOMEONE-ELSE");
        assertThat(badSeq.status()).isEqualTo(2);
        assertThat(badSeq.err()).contains("Not an anchor: twelve");
    }

    @Test
    void anAcknowledgementOfNothingAnchorsNothing() throws Exception {
        Run r = verify(ackOf(server.acknowledge(SampleJournal.TILL, 0, "0".repeat(64), SERVER_TIME)), serverKey());

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("had acknowledged nothing of till " + SampleJournal.TILL);
    }
}
