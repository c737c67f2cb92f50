package org.yishi.admin.qr;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yishi.cardreader.qr.IssuingKeyFile;
import org.yishi.cardreader.qr.QrTokenIssuer;
import org.yishi.cli.Messages;
import org.yishi.config.registry.ElderRecord;
import org.yishi.config.registry.RegistryDirectory;
import org.yishi.core.elder.Card;

/**
 * The part of {@code qr issue} and {@code card print} that turns options into a token, saying in the user's
 * language why when it cannot: bad key file, no registry, unknown or inactive elder, no active card.
 */
public final class ElderTokenIssuing {

    static final int MAX_DAYS = 3650;

    private final Messages m;
    private final PrintWriter err;
    private final Clock clock;

    /**
     * @param language the language tag asked for (null: Chinese)
     * @param err      where refusals go
     */
    public ElderTokenIssuing(String language, PrintWriter err, Clock clock) {
        this.m = Messages.of(QrCommand.MESSAGES, language);
        this.err = err;
        this.clock = clock;
    }

    /** The issued token, or empty after printing why not. */
    public Optional<ElderCardTokens.Issued> issue(IssueOptions o) {
        if (o.days() < 1 || o.days() > MAX_DAYS) {
            err.println(m.get("qr.issue.days", o.days(), MAX_DAYS));
            return Optional.empty();
        }
        Optional<QrTokenIssuer> issuer = issuer(o);
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        RegistryDirectory registry;
        try {
            registry = new RegistryDirectory(o.registry());
        } catch (IllegalArgumentException e) {
            err.println(m.get("qr.registry.missing", o.registry().toAbsolutePath(), e.getMessage()));
            return Optional.empty();
        }
        Optional<String> card = Optional.ofNullable(o.cardUid()).map(u -> u.strip().toUpperCase(Locale.ROOT));
        ElderCardTokens.Outcome outcome = new ElderCardTokens(registry, issuer.get())
                .issue(o.elderId(), card, Duration.ofDays(o.days()));
        if (outcome instanceof ElderCardTokens.Issued issued) {
            return Optional.of(issued);
        }
        explain((ElderCardTokens.Refused) outcome, o);
        return Optional.empty();
    }

    private Optional<QrTokenIssuer> issuer(IssueOptions o) {
        IssuingKeyFile key;
        try {
            key = IssuingKeyFile.read(o.keyFile());
        } catch (IOException e) {
            err.println(m.get("qr.key.unreadable", o.keyFile(), e.getClass().getSimpleName() + ": " + e.getMessage()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            err.println(m.get("qr.key.unreadable", o.keyFile(), e.getMessage()));
            return Optional.empty();
        }
        if (o.keyId() != null && key.keyId().isPresent() && !key.keyId().get().equals(o.keyId())) {
            // Tokens signed under the wrong id are refused by every till; better to stop here.
            err.println(m.get("qr.key.idconflict", o.keyId(), key.keyId().get(), o.keyFile()));
            return Optional.empty();
        }
        Optional<String> keyId = Optional.ofNullable(o.keyId()).or(key::keyId);
        if (keyId.isEmpty()) {
            err.println(m.get("qr.key.noid", o.keyFile()));
            return Optional.empty();
        }
        if (!IssuingKeyFile.validKeyId(keyId.get())) {
            err.println(m.get("qr.key.badid", keyId.get()));
            return Optional.empty();
        }
        try {
            if (IssuingKeyFile.readableByOthers(o.keyFile())) {
                err.println(m.get("qr.key.exposed", o.keyFile()));
            }
        } catch (IOException e) {
            // Only a warning could be lost here; the key itself was read.
        }
        return Optional.of(new QrTokenIssuer(key.key(), keyId.get(), clock));
    }

    private void explain(ElderCardTokens.Refused refused, IssueOptions o) {
        switch (refused.reason()) {
            case UNKNOWN_ELDER -> err.println(m.get("qr.issue.unknown", o.elderId(), o.registry()));
            case ELDER_NOT_ACTIVE -> {
                ElderRecord e = refused.elder().orElseThrow();
                err.println(m.get("qr.issue.inactive", o.elderId(),
                        m.get("elder.status." + e.status().name().toLowerCase(Locale.ROOT)), String.valueOf(e.statusSince())));
            }
            case NO_ACTIVE_CARD -> err.println(m.get("qr.issue.nocard", o.elderId(), describe(refused)));
            case NOT_THE_ELDERS_CARD -> err.println(m.get("qr.issue.notcard", o.cardUid(), o.elderId(), describe(refused)));
            case SEVERAL_ACTIVE_CARDS -> err.println(m.get("qr.issue.several", o.elderId(), describe(refused)));
        }
        if (!refused.unreadable().isEmpty()) {
            err.println(m.get("qr.registry.unreadable", refused.unreadable().size(), refused.unreadable().get(0)));
        }
    }

    /** The elder's cards as staff may see them: last 4 and status. */
    private String describe(ElderCardTokens.Refused refused) {
        if (refused.cards().isEmpty()) {
            return m.get("qr.issue.nocards");
        }
        return refused.cards().stream()
                .map((Card c) -> "…" + c.last4() + " " + m.get("card.status." + c.status().name().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(", "));
    }
}
