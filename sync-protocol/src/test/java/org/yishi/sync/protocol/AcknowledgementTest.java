package org.yishi.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.yishi.core.journal.TillKeys;

class AcknowledgementTest {

    private final TillKeys serverKeys = TillKeys.generate();
    private final ServerSignatures.Signer signer = new ServerSignatures.Signer(serverKeys);
    private final SyncJson json = new SyncJson();

    @Test
    void aSignedAcknowledgementSurvivesJsonAndIsRefusedWhenAnyFieldChanges() {
        Acknowledgement ack = signer.acknowledge("T-01", 42, "ab".repeat(32), "2026-12-03T12:00:00.000+08:00");
        Acknowledgement back = json.read(json.write(ack), Acknowledgement.class);

        assertThat(back).isEqualTo(ack);
        assertThat(ServerSignatures.isSigned(back, serverKeys.publicKey())).isTrue();
        assertThat(ServerSignatures.isSigned(new Acknowledgement("T-02", 42, ack.hash(), ack.serverTime(), ack.keyId(),
                ack.signature()), serverKeys.publicKey())).as("another till").isFalse();
        assertThat(ServerSignatures.isSigned(new Acknowledgement("T-01", 43, ack.hash(), ack.serverTime(), ack.keyId(),
                ack.signature()), serverKeys.publicKey())).as("another seq").isFalse();
        assertThat(ServerSignatures.isSigned(ack, TillKeys.generate().publicKey())).as("another key").isFalse();
        assertThat(ServerSignatures.isSigned(new Acknowledgement("T-01", 42, ack.hash(), ack.serverTime(), ack.keyId(),
                "not base64!"), serverKeys.publicKey())).as("garbled signature").isFalse();
    }

    @Test
    void aDownloadSignatureCoversKindTillDigestAndChange() {
        String digest = "0f".repeat(32);
        String signature = signer.signDownload("changes", "T-01", digest, 7);

        assertThat(ServerSignatures.isSignedDownload(serverKeys.publicKey(), "changes", "T-01", digest, 7, signature)).isTrue();
        assertThat(ServerSignatures.isSignedDownload(serverKeys.publicKey(), "snapshot", "T-01", digest, 7, signature)).isFalse();
        assertThat(ServerSignatures.isSignedDownload(serverKeys.publicKey(), "changes", "T-01", digest, 8, signature)).isFalse();
        assertThat(ServerSignatures.isSignedDownload(serverKeys.publicKey(), "changes", "T-01", "1f".repeat(32), 7, signature)).isFalse();
    }

    @Test
    void malformedMessagesNameWhatIsWrong() {
        assertThatThrownBy(() -> json.read("{\"tillId\":\"T-01\",\"fromSeq\":0,\"lines\":[\"x\"]}", JournalBatch.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("fromSeq");
        assertThatThrownBy(() -> json.read("{\"tillId\":\"T-01\",\"lines\":[\"x\"]}", JournalBatch.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("fromSeq");
        assertThatThrownBy(() -> json.read("{\"tillId\":\"T-01\",\"fromSeq\":1,\"lines\":[]}", JournalBatch.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("1..2000");
        assertThatThrownBy(() -> json.read("[1,2]", JournalBatch.class)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> json.read("{\"tillId\":\"T-01\",\"fromSeq\":1,\"lines\":[\"x\"]} {}", JournalBatch.class))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(new EnrolmentRequest("T-01", "SECRET-CODE", "key").toString()).doesNotContain("SECRET-CODE");
        assertThat(new Enrolment("T-01", "C-01", "p", "SECRET-TOKEN", "k", "id", "t").toString()).doesNotContain("SECRET-TOKEN");
    }

    @Test
    void everyProblemTypeIsFoundByItsUri() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(ProblemType.of(type.uri().toString())).contains(type);
        }
        assertThat(ProblemType.of("https://example.org/other")).isEmpty();
    }
}
