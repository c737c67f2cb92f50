package org.yishi.cardreader.pcsc;

import java.lang.reflect.Field;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

/**
 * The platform's PC/SC service through the JDK's {@code SunPCSC} provider.
 *
 * <p>Each {@link #open()} asks for a new {@link TerminalFactory} rather than {@link TerminalFactory#getDefault()},
 * which is cached for the life of the JVM. That alone is not enough: the JDK keeps one PC/SC context per process
 * in a static field of {@code sun.security.smartcardio.PCSCTerminals} and never re-establishes it, so after
 * pcscd restarts every call fails with {@code SCARD_E_NO_SERVICE} forever; it also caches reader objects by name,
 * each holding the context it was made with. {@link #discard()} clears both, so the next factory establishes a
 * fresh context and fresh readers. This needs the JVM option
 * {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED} (the {@code yishi} launcher and the
 * tests pass it); without it the watcher reports that the till must be restarted after a service restart.
 */
public final class SystemPcsc implements CardTerminalsSource {

    private static final String TERMINALS_CLASS = "sun.security.smartcardio.PCSCTerminals";

    @Override
    public CardTerminals open() throws CardException {
        try {
            return TerminalFactory.getInstance("PC/SC", null).terminals();
        } catch (NoSuchAlgorithmException e) {
            // The provider wraps "service not running" and "libpcsclite not found" alike; keep the cause's words.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CardException(String.valueOf(cause.getMessage()), cause);
        }
    }

    @Override
    public boolean discard() {
        try {
            Class<?> terminals = Class.forName(TERMINALS_CLASS);
            Field context = terminals.getDeclaredField("contextId");
            Field cache = terminals.getDeclaredField("terminals");
            context.setAccessible(true);
            cache.setAccessible(true);
            // Under the class lock the JDK itself uses for initContext() and its reader cache, so no call sees a
            // half-reset state. The cache must go too: each cached reader holds the dead context it was made with.
            synchronized (terminals) {
                context.setLong(null, 0L);
                ((Map<?, ?>) cache.get(null)).clear();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
