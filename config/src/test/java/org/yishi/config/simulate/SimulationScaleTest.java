package org.yishi.config.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.SubsidyEngine;

/**
 * A large file streams through: rows are generated on the fly and results discarded, so nothing but the
 * simulation itself holds data. Every elder buys lunch several times a day on weekdays; Shenzhen allows one
 * subsidised lunch a day, so exactly one purchase per elder and day may be subsidised.
 */
class SimulationScaleTest {

    private static final int ELDERS = 2_000;
    private static final int DAYS = 5;              // Monday 2025-03-03 to Friday
    private static final int MEALS_PER_DAY = 10;    // each elder tries ten times a day

    @Test
    void hundredThousandRowsKeepOneSubsidyPerElderAndDay() {
        Policy shenzhen = new PolicyLoader().load(Path.of("..", "policies", "shenzhen-2025.yaml"));
        SimulationResult r = new Simulation(new SubsidyEngine()).run(shenzhen, new GeneratedPurchases(), Writer.nullWriter());
        long rows = (long) ELDERS * DAYS * MEALS_PER_DAY;
        assertThat(r.rows()).isEqualTo(rows);
        assertThat(r.errors()).isZero();
        // Everyone is 70-99 and registered: one ¥5 lunch per elder per day, the other nine refused by the limit.
        assertThat(r.subsidised()).isEqualTo((long) ELDERS * DAYS);
        assertThat(r.subsidyFen()).isEqualTo(500L * ELDERS * DAYS);
        assertThat(r.refusals()).containsEntry("limit_reached", rows - (long) ELDERS * DAYS);
        assertThat(r.priceFen()).isEqualTo(r.subsidyFen() + r.copayFen());
        assertThat(r.funders().get(0).mealSubsidyFen()).isEqualTo(r.subsidyFen());
    }

    /** Produces the purchases CSV lazily, in time order. */
    private static final class GeneratedPurchases extends Reader {
        private final StringBuilder buf = new StringBuilder(String.join(",", Simulation.inputColumns()) + "\n");
        private int pos;
        private long next;

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (pos == buf.length()) {
                if (!refill()) {
                    return -1;
                }
            }
            int n = Math.min(len, buf.length() - pos);
            buf.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        private boolean refill() {
            buf.setLength(0);
            pos = 0;
            long total = (long) ELDERS * DAYS * MEALS_PER_DAY;
            for (int i = 0; i < 1000 && next < total; i++, next++) {
                long day = next / ((long) ELDERS * MEALS_PER_DAY);
                long inDay = next % ((long) ELDERS * MEALS_PER_DAY);
                long elder = inDay % ELDERS;
                long attempt = inDay / ELDERS;
                LocalDateTime t = LocalDateTime.of(2025, 3, 3, 11, 0).plusDays(day).plusMinutes(attempt * 10);
                buf.append('P').append(next).append(",E").append(elder).append(",1950-01-01,,440304,440304001,FT-01,440304,440304001,")
                        .append("dine_in,lunch,").append(t).append(",1200\n");
            }
            return buf.length() > 0;
        }

        @Override
        public void close() {
        }
    }
}
