package org.yishi.cardreader.pcsc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * Readers and cards in memory, for the failures the virtual card behind pcscd cannot produce on demand: a reader
 * hanging in its driver, a card gone between connect and transmit, a service that cannot be renewed, a reader
 * pulled while a card lies on it. Errors are raised the way the JDK raises them: a {@link CardException} whose
 * cause's message is the PC/SC error name.
 */
final class FakePcsc implements CardTerminalsSource {

    private final List<FakeReader> plugged = new CopyOnWriteArrayList<>();
    private final Object changes = new Object();
    private final AtomicInteger discards = new AtomicInteger();
    private volatile String serviceError;
    private volatile boolean renewable = true;

    FakeReader plugIn(String name) {
        FakeReader reader = new FakeReader(name);
        plugged.add(reader);
        changed();
        return reader;
    }

    void pullOut(FakeReader reader) {
        plugged.remove(reader);
        changed();
    }

    /** Every call from now fails with this PC/SC error, e.g. SCARD_E_NO_SERVICE; null restores the service. */
    void serviceError(String code) {
        serviceError = code;
        changed();
    }

    void renewable(boolean value) {
        renewable = value;
    }

    int discards() {
        return discards.get();
    }

    @Override
    public CardTerminals open() throws CardException {
        failIfServiceDown("SCardEstablishContext");
        return new Terminals();
    }

    @Override
    public boolean discard() {
        discards.incrementAndGet();
        return renewable;
    }

    private void failIfServiceDown(String call) throws CardException {
        String code = serviceError;
        if (code != null) {
            throw new CardException(call + " failed", new RuntimeException(code));
        }
    }

    private void changed() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    static CardException pcscError(String code) {
        return new CardException("transmit() failed", new RuntimeException(code));
    }

    private final class Terminals extends CardTerminals {
        @Override
        public List<CardTerminal> list(State state) throws CardException {
            failIfServiceDown("list()");
            return new ArrayList<>(plugged);
        }

        @Override
        public boolean waitForChange(long timeout) throws CardException {
            failIfServiceDown("waitForChange()");
            if (plugged.isEmpty()) {
                throw new IllegalStateException("No terminals available");
            }
            synchronized (changes) {
                try {
                    changes.wait(timeout);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        }
    }

    /** How a fake card answers. */
    interface Behaviour {
        ResponseAPDU answer(CommandAPDU command, FakeReader reader) throws CardException;
    }

    /** A card that answers GET DATA with its UID and, when given, SELECT + READ BINARY with an elder number. */
    static Behaviour uidCard(String uidHex, String elderNo) {
        byte[] uid = java.util.HexFormat.of().parseHex(uidHex);
        return new Behaviour() {
            private boolean selected;

            @Override
            public ResponseAPDU answer(CommandAPDU c, FakeReader reader) {
                if (c.getCLA() == 0xFF && c.getINS() == 0xCA) {
                    return ok(uid);
                }
                if (c.getINS() == 0xA4) {
                    selected = elderNo != null && Arrays.equals(c.getData(),
                            java.util.HexFormat.of().parseHex(ElderFileSpec.YISHI_AID));
                    return new ResponseAPDU(selected ? new byte[] {(byte) 0x90, 0} : new byte[] {0x6A, (byte) 0x82});
                }
                if (c.getINS() == 0xB0 && selected) {
                    return ok(elderNo.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                return new ResponseAPDU(new byte[] {0x6D, 0x00});
            }
        };
    }

    static Behaviour uidCard(String uidHex) {
        return uidCard(uidHex, null);
    }

    /** A card whose chip does not offer GET DATA: status word 6A 81. */
    static Behaviour unsupportedCard() {
        return (c, reader) -> new ResponseAPDU(new byte[] {0x6A, (byte) 0x81});
    }

    /** A card lifted off the reader between connect and the first answer. */
    static Behaviour vanishingCard() {
        return (c, reader) -> {
            reader.remove();
            throw pcscError("SCARD_W_REMOVED_CARD");
        };
    }

    /** A reader whose driver never returns from transmit until released. */
    static Behaviour hangingCard(CountDownLatch release) {
        return (c, reader) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw pcscError("SCARD_E_TIMEOUT");
        };
    }

    /** The service dies while the card is being read. */
    static Behaviour serviceDiesDuringRead(FakePcsc pcsc) {
        return (c, reader) -> {
            pcsc.serviceError("SCARD_E_NO_SERVICE");
            throw pcscError("SCARD_E_NO_SERVICE");
        };
    }

    private static ResponseAPDU ok(byte[] data) {
        byte[] r = Arrays.copyOf(data, data.length + 2);
        r[data.length] = (byte) 0x90;
        return new ResponseAPDU(r);
    }

    /** A reader; put a card on it with {@link #put}, take it off with {@link #remove}. */
    final class FakeReader extends CardTerminal {
        private final String name;
        private volatile Behaviour card;
        private final AtomicInteger connects = new AtomicInteger();

        FakeReader(String name) {
            this.name = name;
        }

        void put(Behaviour behaviour) {
            card = behaviour;
            changed();
        }

        void remove() {
            card = null;
            changed();
        }

        int connects() {
            return connects.get();
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Card connect(String protocol) throws CardException {
            failIfServiceDown("connect()");
            Behaviour behaviour = card;
            if (behaviour == null) {
                throw new javax.smartcardio.CardNotPresentException("No card present");
            }
            connects.incrementAndGet();
            return new FakeCard(this, behaviour);
        }

        @Override
        public boolean isCardPresent() throws CardException {
            failIfServiceDown("isCardPresent()");
            return card != null;
        }

        @Override
        public boolean waitForCardPresent(long timeout) {
            throw new UnsupportedOperationException("the watcher uses CardTerminals.waitForChange");
        }

        @Override
        public boolean waitForCardAbsent(long timeout) {
            throw new UnsupportedOperationException("the watcher uses CardTerminals.waitForChange");
        }

        @Override
        public String toString() {
            return "FakeReader[" + name + "]";
        }
    }

    private static final class FakeCard extends Card {
        private final FakeReader reader;
        private final Behaviour behaviour;

        FakeCard(FakeReader reader, Behaviour behaviour) {
            this.reader = reader;
            this.behaviour = behaviour;
        }

        @Override
        public ATR getATR() {
            return new ATR(java.util.HexFormat.of().parseHex("3B8F8001804F0CA000000306030001000000006A"));
        }

        @Override
        public String getProtocol() {
            return "T=1";
        }

        @Override
        public CardChannel getBasicChannel() {
            FakeCard card = this;
            return new CardChannel() {
                @Override
                public Card getCard() {
                    return card;
                }

                @Override
                public int getChannelNumber() {
                    return 0;
                }

                @Override
                public ResponseAPDU transmit(CommandAPDU command) throws CardException {
                    return behaviour.answer(command, reader);
                }

                @Override
                public int transmit(ByteBuffer command, ByteBuffer response) {
                    throw new UnsupportedOperationException("not used by the watcher");
                }

                @Override
                public void close() {
                    throw new IllegalStateException("the basic channel cannot be closed");
                }
            };
        }

        @Override
        public CardChannel openLogicalChannel() {
            throw new UnsupportedOperationException("not used by the watcher");
        }

        @Override
        public void beginExclusive() {
        }

        @Override
        public void endExclusive() {
        }

        @Override
        public byte[] transmitControlCommand(int controlCode, byte[] command) {
            throw new UnsupportedOperationException("not used by the watcher");
        }

        @Override
        public void disconnect(boolean reset) {
        }
    }
}
