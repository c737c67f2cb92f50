package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.yishi.core.policy.LimitWindow;

class WindowSpanTest {

    @Test
    void anIsoWeekCanStartInTheOldYear() {
        WindowSpan week = WindowSpan.containing(LimitWindow.WEEK, LocalDate.of(2025, 1, 1), "lunch");

        assertThat(week.start()).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(week.end()).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(week.label()).isEqualTo("WEEK 2025-W01");
        assertThat(week.contains(LocalDateTime.parse("2024-12-30T11:00"), "dinner")).isTrue();
        assertThat(week.contains(LocalDateTime.parse("2024-12-29T11:00"), "lunch")).isFalse();
    }

    @Test
    void sundayBelongsToTheWeekThatStartedOnMonday() {
        WindowSpan week = WindowSpan.containing(LimitWindow.WEEK, LocalDate.of(2024, 5, 12), "lunch");

        assertThat(week.start()).isEqualTo(LocalDate.of(2024, 5, 6));
    }

    @Test
    void aMonthRunsToItsLastDayIncludingLeapDays() {
        WindowSpan february = WindowSpan.containing(LimitWindow.MONTH, LocalDate.of(2024, 2, 10), "lunch");

        assertThat(february.contains(LocalDateTime.parse("2024-02-29T18:00"), "dinner")).isTrue();
        assertThat(february.contains(LocalDateTime.parse("2024-03-01T00:00"), "breakfast")).isFalse();
        assertThat(february.label()).isEqualTo("MONTH 2024-02");
    }

    @Test
    void aMealSlotWindowKeepsToItsSlot() {
        WindowSpan slot = WindowSpan.containing(LimitWindow.MEAL_SLOT, LocalDate.of(2024, 5, 6), "lunch");

        assertThat(slot.contains(LocalDateTime.parse("2024-05-06T11:00"), "lunch")).isTrue();
        assertThat(slot.contains(LocalDateTime.parse("2024-05-06T11:00"), "dinner")).isFalse();
        assertThat(slot.contains(LocalDateTime.parse("2024-05-07T11:00"), "lunch")).isFalse();
        assertThat(WindowSpan.containing(LimitWindow.DAY, LocalDate.of(2024, 5, 6), "lunch")
                .contains(LocalDateTime.parse("2024-05-06T23:59:59"), "dinner")).isTrue();
    }
}
