package org.yishi.till.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.yishi.config.registry.ElderRecord;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.ElderState;

/**
 * Who queues at the demo canteen's counter at lunchtime, picked from the demo registry: regulars from the
 * canteen's district (some from its own town, some from other towns), a visitor from another district, and the
 * cases a cashier must handle calmly — a card reported lost, an elder the registry records as deceased, an elder
 * coming back for a second lunch, a walk-in without a card.
 */
public final class DemoQueue {

    /** One person at the counter; {@code cardUid} is empty for a walk-in. */
    public record Customer(String cardUid, String why) {
        public boolean walkIn() {
            return cardUid.isEmpty();
        }
    }

    private DemoQueue() {
    }

    public static List<Customer> build(Path registryDir, Canteen canteen, int regulars) {
        Map<String, ElderRecord> elders = new HashMap<>();
        read(registryDir, RegistryFormat.ELDERS, e -> elders.put(e.elderId(), e));
        List<Customer> sameTown = new ArrayList<>();
        List<Customer> otherTown = new ArrayList<>();
        Optional<Customer> visitor = Optional.empty();
        Optional<Customer> lost = Optional.empty();
        Optional<Customer> deceased = Optional.empty();
        List<Card> cards = new ArrayList<>();
        read(registryDir, RegistryFormat.CARDS, cards::add);
        for (Card card : cards) {
            ElderRecord e = elders.get(card.elderId());
            if (e == null) {
                continue;
            }
            if (card.status() == CardStatus.LOST && lost.isEmpty()) {
                lost = Optional.of(new Customer(card.uid(), "lost"));
            } else if (card.status() == CardStatus.ACTIVE && e.status() == ElderState.DECEASED && deceased.isEmpty()) {
                deceased = Optional.of(new Customer(card.uid(), "deceased"));
            } else if (card.status() == CardStatus.ACTIVE && e.status() == ElderState.ACTIVE) {
                if (e.registeredTown().equals(canteen.town())) {
                    sameTown.add(new Customer(card.uid(), "home_town"));
                } else if (e.registeredDistrict().equals(canteen.district())) {
                    otherTown.add(new Customer(card.uid(), "home_district"));
                } else if (visitor.isEmpty()) {
                    visitor = Optional.of(new Customer(card.uid(), "other_district"));
                }
            }
        }
        List<Customer> queue = new ArrayList<>();
        int fromOtherTowns = regulars / 3;
        queue.addAll(sameTown.subList(0, Math.min(sameTown.size(), regulars - fromOtherTowns)));
        queue.addAll(otherTown.subList(0, Math.min(otherTown.size(), fromOtherTowns)));
        // The unusual ones arrive among the regulars, not in a block at the end.
        visitor.ifPresent(c -> queue.add(Math.min(queue.size(), 3), c));
        lost.ifPresent(c -> queue.add(Math.min(queue.size(), 6), c));
        deceased.ifPresent(c -> queue.add(Math.min(queue.size(), 9), c));
        queue.add(Math.min(queue.size(), 12), new Customer("", "walk_in"));
        if (!queue.isEmpty()) {
            queue.add(new Customer(queue.get(0).cardUid(), "second_lunch"));
        }
        return queue;
    }

    private static <T> void read(Path dir, RegistryFormat<T> format, Consumer<T> sink) {
        try (Reader r = Files.newBufferedReader(dir.resolve(format.fileName()), StandardCharsets.UTF_8)) {
            format.read(r, format.fileName(), sink, error -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
