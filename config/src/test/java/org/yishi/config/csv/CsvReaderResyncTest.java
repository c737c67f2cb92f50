package org.yishi.config.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** After a malformed record the reader carries on at the next line instead of reading garbage. */
class CsvReaderResyncTest {

    @Test
    void aBadQuoteSkipsOnlyItsOwnLine() {
        CsvReader r = CsvReader.open(new StringReader("a,b\n1,2\n\"x\"y,3\n4,5\r\n6,7"));
        assertThat(r.next().orElseThrow().fields()).containsExactly("1", "2");
        CsvFormatException e = catchThrowableOfType(CsvFormatException.class, r::next);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("line 3: unexpected character 'y' after a closing quote");
        CsvRecord next = r.next().orElseThrow();
        assertThat(next.fields()).containsExactly("4", "5");
        assertThat(next.line()).isEqualTo(4);
        assertThat(r.next().orElseThrow().line()).isEqualTo(5);
        assertThat(r.next()).isEmpty();
    }

    @Test
    void anOverlongFieldIsReportedAndSkipped() {
        String longField = "z".repeat((1 << 16) + 10);
        CsvReader r = CsvReader.open(new StringReader("a,b\n" + longField + ",1\n2,3\n"));
        assertThat(catchThrowableOfType(CsvFormatException.class, r::next).getMessage()).contains("longer than 65536");
        assertThat(r.next().orElseThrow().fields()).containsExactly("2", "3");
    }
}
