package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.yishi.config.registry.PinHasher;
import org.yishi.till.cli.YishiCommandTest.Run;

class StaffCommandTest {

    private static Run withStdin(String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return YishiCommandTest.run(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void hashPinPrintsABcryptHashThatMatchesThePinAndNeverThePin() {
        Run r = withStdin("246810\n", "staff", "hash-pin", "--cost", "4");
        assertThat(r.status()).as(r.err()).isZero();
        String hash = r.out().strip();
        assertThat(hash).startsWith("$2").hasSize(60).doesNotContain("246810");
        assertThat(new PinHasher(4).matches("246810".toCharArray(), hash)).isTrue();
        assertThat(new PinHasher(4).matches("246811".toCharArray(), hash)).isFalse();
    }

    @Test
    void aPinThatIsNotFourToEightDigitsIsRefusedWithoutEchoingIt() {
        Run r = withStdin("12ab\n", "staff", "hash-pin", "--lang", "en", "--cost", "4");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Not hashed").contains("4 to 8 digits").doesNotContain("12ab");
        assertThat(r.out()).isEmpty();
    }
}
