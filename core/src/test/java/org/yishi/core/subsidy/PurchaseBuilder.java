package org.yishi.core.subsidy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Card;
import org.yishi.core.policy.Channel;

/**
 * Builds a {@link Purchase} for tests: {@code at("2024-05-06T11:30").lunch().meal(1200)}. Defaults: the
 * Licheng canteen of Zengcheng, dine-in, no card. The meal slot must be set (lunch/dinner/breakfast/slot).
 */
public final class PurchaseBuilder {

    private final LocalDateTime time;
    private Canteen canteen = QuoteFixtures.LICHENG_CANTEEN;
    private final List<PurchaseLine> lines = new ArrayList<>();
    private Channel channel = Channel.DINE_IN;
    private String slot;
    private Optional<Card> card = Optional.empty();

    private PurchaseBuilder(LocalDateTime time) {
        this.time = time;
    }

    /** A purchase at a local date-time, e.g. {@code 2024-05-06T11:30}. */
    public static PurchaseBuilder at(String localDateTime) {
        return new PurchaseBuilder(LocalDateTime.parse(localDateTime));
    }

    public static PurchaseBuilder at(LocalDateTime time) {
        return new PurchaseBuilder(time);
    }

    public PurchaseBuilder canteen(Canteen canteen) {
        this.canteen = canteen;
        return this;
    }

    public PurchaseBuilder slot(String code) {
        this.slot = code;
        return this;
    }

    public PurchaseBuilder lunch() {
        return slot("lunch");
    }

    public PurchaseBuilder dinner() {
        return slot("dinner");
    }

    public PurchaseBuilder breakfast() {
        return slot("breakfast");
    }

    public PurchaseBuilder delivery() {
        this.channel = Channel.DELIVERY;
        return this;
    }

    /** A subsidy-eligible set meal at {@code fen}. */
    public PurchaseBuilder meal(long fen) {
        lines.add(new PurchaseLine("meal-" + lines.size(), "套餐", fen, 1, true));
        return this;
    }

    /** An item that does not count towards the subsidised meal (a drink, milk). */
    public PurchaseBuilder extra(long fen) {
        lines.add(new PurchaseLine("extra-" + lines.size(), "牛奶", fen, 1, false));
        return this;
    }

    public PurchaseBuilder line(PurchaseLine line) {
        lines.add(line);
        return this;
    }

    public PurchaseBuilder card(Card card) {
        this.card = Optional.of(card);
        return this;
    }

    /** A purchase the till made outside every meal window: no slot. */
    public PurchaseBuilder outsideEverySlot() {
        this.slot = "";
        return this;
    }

    public Purchase build() {
        if (slot == null) {
            throw new IllegalStateException("test purchase at " + time + " needs a meal slot (or outsideEverySlot())");
        }
        return new Purchase(canteen, lines, time, channel, slot.isEmpty() ? Optional.empty() : Optional.of(slot), card);
    }
}
