package org.yishi.config.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yishi.config.PolicyTestSupport;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Elder;
import org.yishi.core.subsidy.Quote;

/**
 * {@code src/test/resources/policies/working-day-lunch.yaml} with the shipped {@code calendars/cn-2026.yaml} (the State
 * Council schedule) and the provisional {@code cn-2027.yaml}, one elder, purchases in this order (each granted one is
 * history for the later ones). Worked out from the rule's words — "¥3 on a working day, ¥1 on a rest day; at most 3
 * working-day lunches a week, at most 2 rest-day meals a month":
 *
 * <table>
 * <tr><th>#</th><th>when</th><th>what the day is</th><th>expected</th><th>why</th></tr>
 * <tr><td>1</td><td>2026-01-01 Thu 12:00 lunch</td><td>元旦 holiday</td><td>restday ¥1</td><td>Jan rest meals 1 of 2</td></tr>
 * <tr><td>2</td><td>2026-01-02 Fri 12:00</td><td>元旦 holiday (a Friday)</td><td>restday ¥1</td><td>2 of 2</td></tr>
 * <tr><td>3</td><td>2026-01-03 Sat 12:00</td><td>元旦 holiday</td><td>LIMIT_REACHED restday_month</td><td>2 of 2 used</td></tr>
 * <tr><td>4</td><td>2026-01-04 Sun 12:00</td><td>make-up working day</td><td>workday ¥3</td><td>week 2026-W01 1 of 3</td></tr>
 * <tr><td>5</td><td>2026-01-31 Sat 12:00</td><td>weekend, last day of January</td><td>LIMIT_REACHED restday_month</td><td>Jan still 2 of 2</td></tr>
 * <tr><td>6</td><td>2026-02-01 Sun 12:00</td><td>weekend, first of February</td><td>restday ¥1</td><td>new month: 1 of 2</td></tr>
 * <tr><td>7-9</td><td>2026-02-09 Mon, 10 Tue, 13 Fri 12:00</td><td>working days</td><td>workday ¥3 each</td><td>W07 1, 2, 3 of 3</td></tr>
 * <tr><td>10</td><td>2026-02-14 Sat 12:00</td><td>make-up working day before 春节</td><td>LIMIT_REACHED workday_lunches</td><td>a make-up Saturday is a working day for the limit: 3 of 3</td></tr>
 * <tr><td>11</td><td>2026-02-14 Sat 23:58 supper</td><td>make-up working day</td><td>workday ¥3</td><td>supper is not in the lunch limit</td></tr>
 * <tr><td>12</td><td>2026-02-15 Sun 00:00 breakfast</td><td>first day of 春节 (midnight just passed)</td><td>restday ¥1</td><td>Feb rest 2 of 2</td></tr>
 * <tr><td>13</td><td>2026-02-23 Mon 12:00</td><td>last day of 春节 (a Monday)</td><td>LIMIT_REACHED restday_month</td><td>2 of 2</td></tr>
 * <tr><td>14</td><td>2026-02-24 Tue 12:00</td><td>day after the holiday</td><td>workday ¥3</td><td>W09 1 of 3</td></tr>
 * <tr><td>15</td><td>2026-02-28 Sat 12:00</td><td>make-up working day, month end</td><td>workday ¥3</td><td>W09 2 of 3</td></tr>
 * <tr><td>16</td><td>2026-03-01 Sun 12:00</td><td>weekend</td><td>restday ¥1</td><td>March 1 of 2</td></tr>
 * <tr><td>17</td><td>2026-12-31 Thu 12:00</td><td>last working day of 2026</td><td>workday ¥3</td><td></td></tr>
 * <tr><td>18</td><td>2027-01-01 Fri 12:00</td><td>provisional 2027: weekends only</td><td>workday ¥3</td><td>what the provisional file says (the loader warns); the official schedule will make it a holiday</td></tr>
 * <tr><td>19</td><td>2028-01-03 Mon 12:00</td><td>no calendar for 2028</td><td>NOT_ELIGIBLE</td><td>never silently a working day</td></tr>
 * </table>
 */
class WorkingDayPolicyTest {

    private static final Canteen CANTEEN = new Canteen("C-440106-01", "石牌街长者饭堂", "440106", "440106003", "");
    private static final Elder ELDER = PolicyTestSupport.elder("E1", "440106", "440106003", "", "");

    private final PolicyTestSupport run = new PolicyTestSupport("working-day-lunch.yaml");

    @Test
    void theTableInTheJavadoc() {
        granted("2026-01-01T12:00", "lunch", "restday", 100);
        granted("2026-01-02T12:00", "lunch", "restday", 100);
        limited("2026-01-03T12:00", "lunch", "limit restday_month (MONTH 2026-01): 2 of 2 subsidised meals used");
        granted("2026-01-04T12:00", "lunch", "workday", 300);
        limited("2026-01-31T12:00", "lunch", "limit restday_month (MONTH 2026-01): 2 of 2 subsidised meals used");
        granted("2026-02-01T12:00", "lunch", "restday", 100);
        granted("2026-02-09T12:00", "lunch", "workday", 300);
        granted("2026-02-10T12:00", "lunch", "workday", 300);
        granted("2026-02-13T12:00", "lunch", "workday", 300);
        limited("2026-02-14T12:00", "lunch", "limit workday_lunches (WEEK 2026-W07): 3 of 3 subsidised meals used");
        granted("2026-02-14T23:58", "supper", "workday", 300);
        granted("2026-02-15T00:00", "breakfast", "restday", 100);
        limited("2026-02-23T12:00", "lunch", "limit restday_month (MONTH 2026-02): 2 of 2 subsidised meals used");
        granted("2026-02-24T12:00", "lunch", "workday", 300);
        granted("2026-02-28T12:00", "lunch", "workday", 300);
        granted("2026-03-01T12:00", "lunch", "restday", 100);
        granted("2026-12-31T12:00", "lunch", "workday", 300);
        granted("2027-01-01T12:00", "lunch", "workday", 300);

        Quote unknown = run.quote(ELDER, CANTEEN, "2028-01-03T12:00", "lunch", 1200);
        assertThat(unknown.subsidyFen()).isZero();
        assertThat(unknown.refusal()).hasValueSatisfying(r -> {
            assertThat(r.reason().name()).isEqualTo("NOT_ELIGIBLE");
            assertThat(r.detail()).isEqualTo("nearest rule workday: not known whether 2028-01-03 is a working day: "
                    + "no cn calendar for 2028 is loaded (loaded: [2026, 2027]), needs a working day");
        });
    }

    private void granted(String time, String slot, String rule, long fen) {
        Quote q = run.quote(ELDER, CANTEEN, time, slot, 1200);
        assertThat(q.refusal()).as(time).isEmpty();
        assertThat(PolicyTestSupport.rules(q)).as(time).isEqualTo(rule);
        assertThat(q.subsidyFen()).as(time).isEqualTo(fen);
        assertThat(q.copayFen()).as(time).isEqualTo(1200 - fen);
    }

    private void limited(String time, String slot, String detail) {
        Quote q = run.quote(ELDER, CANTEEN, time, slot, 1200);
        assertThat(q.subsidyFen()).as(time).isZero();
        assertThat(q.refusal()).as(time).hasValueSatisfying(r -> {
            assertThat(r.reason().name()).isEqualTo("LIMIT_REACHED");
            assertThat(r.detail()).isEqualTo(detail);
        });
    }
}
