package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.FunderShare;

/**
 * The journal signs and verifies with BouncyCastle's RFC 8032 code, where it used the JDK provider: Ed25519 is
 * deterministic, so both must give the same bytes for the same key and message, and each must accept the other's
 * signatures and refuse a changed one. The JDK provider is the reference here, called directly.
 */
class Ed25519ImplementationsTest {

    private static final HexFormat HEX = HexFormat.of();
    /** The group order L of RFC 8032 §5.1: S ≥ L must be refused (§5.1.7 step 1). */
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    @TempDir
    Path dir;

    @Test
    void rfc8032TestVectorsGiveTheirPublishedSignatures() {
        // RFC 8032 §7.1 TEST 1 (empty message) and TEST 2 (one byte).
        TillKeys test1 = keysFromSeed("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        assertThat(HEX.formatHex(Ed25519Encodings.rawPublicKey(test1.publicKey())))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(HEX.formatHex(test1.sign(new byte[0]))).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        TillKeys test2 = keysFromSeed("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        assertThat(HEX.formatHex(test2.sign(new byte[] {0x72}))).isEqualTo("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    @Test
    void theWorkedExampleIsSignedByteForByteAsTheJdkProviderSignsIt() throws GeneralSecurityException {
        PrivateKey jdkKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                HEX.parseHex(DocExample.PKCS8_PREFIX + DocExample.RFC8032_SEED)));
        PublicKey publicKey = DocExample.rfc8032Keys(dir).publicKey();
        List<String> lines = DocExample.write(dir); // signed by TillKeys, i.e. BouncyCastle
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            SignedRecord r = JournalReader.parseLine(line);
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            byte[] written = JournalReader.decodeSignature(r.signature());
            assertThat(jdkSign(jdkKey, body)).as("seq %d", r.seq()).isEqualTo(written);
            assertThat(jdkVerify(publicKey, body, written)).as("the JDK accepts seq %d", r.seq()).isTrue();
        }
    }

    @Test
    void randomJournalRecordsAreSignedAsTheJdkSignsThemAndEachVerifiesTheOthers() throws GeneralSecurityException {
        SplittableRandom random = new SplittableRandom(20260318L);
        int checked = 0;
        for (int k = 0; k < 4; k++) {
            KeyPair pair = jdkKeyPair(random.nextLong());
            TillKeys keys = TillKeys.of(pair);
            Path file = dir.resolve("random-" + k + ".log");
            List<String> lines;
            try (JournalWriter w = JournalWriter.open(file, keys, "RND-" + k, Clock.system(SteppingClock.SHANGHAI))) {
                w.append(new ShiftOpenPayload(1, "cashier", 0));
                for (int i = 0; i < 60; i++) {
                    w.append(randomSale(random, "R-" + k + "-" + i));
                }
                lines = w.readFrom(1).stream().map(SignedRecord::line).toList();
            }
            for (String line : lines) {
                SignedRecord r = JournalReader.parseLine(line);
                byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
                byte[] written = JournalReader.decodeSignature(r.signature());
                assertThat(jdkSign(pair.getPrivate(), body)).as("key %d seq %d", k, r.seq()).isEqualTo(written);
                assertCrossVerifies(pair, body, written, random);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4 * 62);
    }

    @Test
    void randomMessagesOfEveryLengthAreSignedIdenticallyAndCrossVerify() throws GeneralSecurityException {
        SplittableRandom random = new SplittableRandom(8032L);
        for (int k = 0; k < 8; k++) {
            KeyPair pair = jdkKeyPair(random.nextLong());
            TillKeys keys = TillKeys.of(pair);
            for (int i = 0; i < 50; i++) {
                byte[] message = new byte[i == 0 ? 0 : random.nextInt(1, 4097)];
                random.nextBytes(message);
                byte[] bc = keys.sign(message);
                byte[] jdk = jdkSign(pair.getPrivate(), message);
                assertThat(bc).as("key %d message %d (%d bytes)", k, i, message.length).isEqualTo(jdk);
                assertCrossVerifies(pair, message, jdk, random);
            }
        }
    }

    @Test
    void malformedSignaturesAreInvalidNotErrors() throws GeneralSecurityException {
        KeyPair pair = jdkKeyPair(1);
        byte[] message = "午餐A套餐".getBytes(StandardCharsets.UTF_8);
        byte[] good = jdkSign(pair.getPrivate(), message);

        // S + L is the same scalar mod L, but RFC 8032 requires S < L: both implementations must refuse it.
        byte[] highS = good.clone();
        byte[] s = littleEndian(new BigInteger(1, reversed(Arrays.copyOfRange(good, 32, 64))).add(L));
        System.arraycopy(s, 0, highS, 32, 32);
        assertThat(jdkVerify(pair.getPublic(), message, highS)).isFalse();
        assertThat(JournalFormat.verifySignature(pair.getPublic(), message, highS)).isFalse();

        assertThat(JournalFormat.verifySignature(pair.getPublic(), message, Arrays.copyOf(good, 63))).isFalse();
        assertThat(JournalFormat.verifySignature(pair.getPublic(), message, Arrays.copyOf(good, 65))).isFalse();
        assertThat(JournalFormat.verifySignature(pair.getPublic(), message, new byte[64])).isFalse();
        assertThat(JournalFormat.verifySignature(jdkKeyPair(2).getPublic(), message, good)).as("another key").isFalse();
        assertThat(JournalFormat.verifySignature(pair.getPublic(), message, good)).isTrue();
    }

    @Test
    void keysThatAreNotOneEd25519PairAreRefused() throws GeneralSecurityException {
        KeyPair one = jdkKeyPair(3);
        KeyPair other = jdkKeyPair(4);
        assertThatThrownBy(() -> TillKeys.of(new KeyPair(other.getPublic(), one.getPrivate())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("private and public key do not belong together");
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertThatThrownBy(() -> JournalFormat.verifySignature(ec.getPublic(), new byte[1], new byte[64]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Ed25519 public key");
        assertThatThrownBy(() -> TillKeys.of(new KeyPair(one.getPublic(), ec.getPrivate())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Ed25519 private key");
    }

    /** The JDK accepts what BouncyCastle accepts and vice versa, and both refuse one flipped bit in signature or message. */
    private static void assertCrossVerifies(KeyPair pair, byte[] message, byte[] signature, SplittableRandom random)
            throws GeneralSecurityException {
        assertThat(JournalFormat.verifySignature(pair.getPublic(), message, signature)).as("BouncyCastle accepts").isTrue();
        assertThat(jdkVerify(pair.getPublic(), message, signature)).as("the JDK accepts").isTrue();
        byte[] badSignature = flipOneBit(signature, random);
        assertThat(JournalFormat.verifySignature(pair.getPublic(), message, badSignature)).as("BouncyCastle refuses a flipped signature bit").isFalse();
        assertThat(jdkVerify(pair.getPublic(), message, badSignature)).as("the JDK refuses a flipped signature bit").isFalse();
        if (message.length > 0) {
            byte[] badMessage = flipOneBit(message, random);
            assertThat(JournalFormat.verifySignature(pair.getPublic(), badMessage, signature)).as("BouncyCastle refuses a flipped message bit").isFalse();
            assertThat(jdkVerify(pair.getPublic(), badMessage, signature)).as("the JDK refuses a flipped message bit").isFalse();
        }
    }

    /** A sale with random items, amounts, shares and names (Chinese, quotes, control characters, an emoji). */
    private static SalePayload randomSale(SplittableRandom random, String receipt) {
        SalePayload.Builder b = SalePayload.builder().receiptNo(receipt).shiftNo(1).cashier("cashier-" + random.nextInt(100))
                .channel(random.nextBoolean() ? Channel.DINE_IN : Channel.DELIVERY).mealSlot("lunch")
                .policy("gz-zengcheng", "2020." + random.nextInt(9)).paymentMethod(random.nextBoolean() ? "cash" : "wechat");
        long price = 0;
        int items = random.nextInt(1, 5);
        for (int i = 0; i < items; i++) {
            int quantity = random.nextInt(1, 4);
            int unit = random.nextInt(0, 5000);
            b.item(SaleItem.of("M-" + random.nextInt(1000), randomName(random), quantity, unit));
            price += (long) quantity * unit;
        }
        if (random.nextInt(4) == 0 || price == 0) {
            return b.identification(IdentificationMethod.WALK_IN).amounts(price, 0, price).build();
        }
        long subsidy = random.nextLong(1, price + 1);
        List<FunderShare> shares = new ArrayList<>();
        long left = subsidy;
        for (String funder : List.of("city", "district", "town")) {
            long fen = funder.equals("town") ? left : random.nextLong(0, left + 1);
            if (fen > 0) {
                shares.add(new FunderShare(funder, fen));
            }
            left -= fen;
        }
        return b.identification(IdentificationMethod.CARD).elderId("E" + random.nextInt(1_000_000))
                .cardUidLast4(String.format("%04X", random.nextInt(0x10000)))
                .amounts(price, subsidy, price - subsidy).funderShares(shares).ruleIds(List.of("rule-" + random.nextInt(9))).build();
    }

    private static String randomName(SplittableRandom random) {
        String alphabet = "午餐晚饭例汤米粉豆腐青菜鸡蛋AZaz09 \"\\/\t\u0001\u007f\u2028";
        StringBuilder s = new StringBuilder("菜");
        for (int i = random.nextInt(0, 20); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return random.nextInt(5) == 0 ? s.append("🍚").toString() : s.toString();
    }

    private static TillKeys keysFromSeed(String seedHex) {
        try {
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(HEX.parseHex(DocExample.PKCS8_PREFIX + seedHex)));
            // The public key comes from the JDK's generator on the same seed, not from the code under test.
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new FixedBytes(HEX.parseHex(seedHex)));
            PublicKey pub = f.generatePublic(new X509EncodedKeySpec(g.generateKeyPair().getPublic().getEncoded()));
            return TillKeys.of(new KeyPair(pub, priv));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A JDK key pair from a seeded generator: reproducible, and made entirely by the JDK. */
    private static KeyPair jdkKeyPair(long seed) throws GeneralSecurityException {
        byte[] bytes = new byte[32];
        new SplittableRandom(seed).nextBytes(bytes);
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(NamedParameterSpec.ED25519, new FixedBytes(bytes));
        return g.generateKeyPair();
    }

    private static byte[] jdkSign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519", "SunEC");
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    private static boolean jdkVerify(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519", "SunEC");
        s.initVerify(key);
        s.update(message);
        try {
            return s.verify(signature);
        } catch (SignatureException malformed) {
            return false;
        }
    }

    private static byte[] flipOneBit(byte[] bytes, SplittableRandom random) {
        byte[] copy = bytes.clone();
        int bit = random.nextInt(copy.length * 8);
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static byte[] reversed(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    /** 32 bytes little-endian (S + L < 2^256 always fits). */
    private static byte[] littleEndian(BigInteger v) {
        byte[] big = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    /** A "random" source that hands out fixed bytes: the JDK's Ed25519 generator reads exactly the 32-byte seed. */
    private static final class FixedBytes extends SecureRandom {
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("expected a request for " + bytes.length + " bytes, got " + out.length);
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
