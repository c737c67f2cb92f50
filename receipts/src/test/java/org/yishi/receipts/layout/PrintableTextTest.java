package org.yishi.receipts.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrintableTextTest {

    private final PrintableText printable = new PrintableText();

    @Test
    void chineseAndAsciiPassThrough() {
        assertThat(printable.clean("红烧肉套餐A (两荤一素)")).isEqualTo("红烧肉套餐A (两荤一素)");
        assertThat(PrintableText.columns("红烧肉套餐A")).isEqualTo(11);
    }

    @Test
    void charactersThePrinterCannotShowAreReplaced() {
        assertThat(printable.clean("\uD800鸡蛋")).as("lone high surrogate").isEqualTo("?鸡蛋");
        assertThat(printable.clean("鸡蛋\uDC00")).as("lone low surrogate").isEqualTo("鸡蛋?");
        assertThat(printable.clean("🍚米饭")).as("emoji (four-byte GB18030, no printer font)").isEqualTo("?米饭");
        assertThat(printable.clean("❤️汤")).as("emoji with variation selector").isEqualTo("?汤");
        assertThat(printable.clean("𠀀叉烧")).as("CJK extension B").isEqualTo("?叉烧");
        assertThat(printable.clean("\uE000私")).as("private use").isEqualTo("?私");
    }

    @Test
    void controlCharactersNeverReachThePrinterAsCommands() {
        // ESC p 0 25 250 in a name would open the cash drawer; GS V would cut
        assertThat(printable.clean("汤\u001Bp\u0000\u0019\u00FA")).doesNotContain("\u001B").doesNotContain("\u0000")
                .startsWith("汤?p??");
        assertThat(printable.clean("a\u001DVb")).isEqualTo("a?Vb");
        assertThat(printable.clean("鱼香\t肉丝\r\n饭")).isEqualTo("鱼香 肉丝  饭");
        assertThat(printable.clean("a\u0085b\u009Bc")).as("C1 controls").isEqualTo("a?b?c");
    }

    @Test
    void accentsGbkLacksFallBackToTheAsciiLetter() {
        assertThat(printable.clean("Zoë")).isEqualTo("Zoe");
        assertThat(printable.clean("café")).as("é is in GB2312 (pinyin)").isEqualTo("café");
        assertThat(PrintableText.columns("café")).as("but prints full width").isEqualTo(5);
        assertThat(printable.clean("a\u00A0b")).as("no-break space").isEqualTo("a b");
    }

    @Test
    void narrowUnicodeThatPrintsFullWidthCountsTwo() {
        assertThat(TextWidth.of("×·…")).isEqualTo(3);
        assertThat(PrintableText.columns("×·…")).isEqualTo(6);
    }

    @Test
    void wrapKeepsLatinWordsAndBreaksChineseAnywhere() {
        assertThat(PrintableText.wrap("braised pork with rice", 10)).containsExactly("braised", "pork with", "rice");
        assertThat(PrintableText.wrap("红烧肉套餐两荤一素", 8)).containsExactly("红烧肉套", "餐两荤一", "素");
        assertThat(PrintableText.wrap("红烧肉A套餐", 7)).containsExactly("红烧肉A", "套餐");
        assertThat(PrintableText.wrap("", 8)).containsExactly("");
        assertThat(PrintableText.wrap("  indented", 20)).containsExactly("  indented");
    }

    @Test
    void ellipsizeCutsAndMarksTheCut() {
        assertThat(PrintableText.ellipsize("红烧肉套餐两荤一素", 11)).isEqualTo("红烧肉套...");
        assertThat(PrintableText.ellipsize("short", 11)).isEqualTo("short");
    }

    @Test
    void anEmptyReceiptIsRefusedByName() {
        assertThatThrownBy(() -> new ReceiptDocument("sale T01-000009", List.of(new Block.Rule('-'), new Block.Feed(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty receipt").hasMessageContaining("sale T01-000009");
        assertThatThrownBy(() -> new ReceiptDocument("blank", List.of(Block.Text.left("   "))))
                .hasMessageContaining("empty receipt");
        assertThatThrownBy(() -> new ReceiptDocument("none", List.of())).hasMessageContaining("empty receipt");
    }
}
