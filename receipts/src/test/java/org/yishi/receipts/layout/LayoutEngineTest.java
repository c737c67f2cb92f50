package org.yishi.receipts.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yishi.receipts.layout.Line.CutLine;
import org.yishi.receipts.layout.Line.TextLine;

class LayoutEngineTest {

    private static List<String> texts(LaidReceipt laid) {
        return laid.lines().stream().filter(TextLine.class::isInstance).map(l -> ((TextLine) l).text()).toList();
    }

    @Test
    void amountsAreRightAlignedToTheLastColumn() {
        LaidReceipt laid = new LayoutEngine(PaperWidth.MM58).lay(new ReceiptDocument("t", List.of(
                Block.LabelValue.of("自付", "4.00"), new Block.Item("绿豆汤", "2 × 1.50", "3.00"))));
        assertThat(texts(laid)).containsExactly(
                "自付                        4.00",
                "绿豆汤                      3.00",
                "  2 × 1.50");
        assertThat(texts(laid)).allSatisfy(t -> assertThat(PrintableText.columns(t)).isLessThanOrEqualTo(32));
        assertThat(laid.lines().get(laid.lines().size() - 1)).isInstanceOf(CutLine.class);
    }

    @Test
    void aLongItemNameWrapsUnderItsAmountAndIsCutAfterThreeLines() {
        String name = "特级秘制红烧肉配时令蔬菜及五常大米饭外加老火靓汤一份再加水果拼盘和甜品外加饮料一杯";
        LaidReceipt laid = new LayoutEngine(PaperWidth.MM58).lay(new ReceiptDocument("t", List.of(
                new Block.Item(name, "", "128.00"))));
        List<String> lines = texts(laid);
        assertThat(lines).hasSize(LayoutEngine.MAX_ITEM_NAME_LINES);
        assertThat(lines.get(0)).startsWith("特级秘制红烧肉配时令蔬菜").endsWith(" 128.00");
        assertThat(PrintableText.columns(lines.get(0))).isEqualTo(32);
        assertThat(lines.get(2)).endsWith("...");
        assertThat(lines.subList(1, 3)).as("continuation lines stay in the name column")
                .allSatisfy(t -> assertThat(PrintableText.columns(t)).isLessThanOrEqualTo(32 - 7));
    }

    @Test
    void aLabelTooLongForItsLineWrapsAboveTheValue() {
        LaidReceipt laid = new LayoutEngine(PaperWidth.MM58).lay(new ReceiptDocument("t", List.of(
                Block.LabelValue.of("Subsidised meals left today for this elder", "1"))));
        assertThat(texts(laid)).containsExactly(
                "Subsidised meals left today",
                "for this elder                 1");
    }

    @Test
    void doubleWidthHeadingsWrapAtHalfTheColumns() {
        LaidReceipt laid = new LayoutEngine(PaperWidth.MM58).lay(new ReceiptDocument("t", List.of(
                new Block.Heading("阳光长者食堂天河区第一分店欢迎您", TextSize.DOUBLE))));
        List<Line> lines = laid.lines();
        assertThat(texts(laid)).containsExactly("阳光长者食堂天河", "区第一分店欢迎您");
        assertThat(lines).filteredOn(TextLine.class::isInstance)
                .allSatisfy(l -> assertThat(((TextLine) l).columns()).isLessThanOrEqualTo(32));
    }

    @Test
    void theSameBlocksFitBothWidths() {
        ReceiptDocument doc = new ReceiptDocument("t", List.of(new Block.Rule('-'), Block.LabelValue.of("合计", "15.00")));
        assertThat(texts(new LayoutEngine(PaperWidth.MM80).lay(doc)))
                .containsExactly("-".repeat(48), "合计" + " ".repeat(48 - 4 - 5) + "15.00");
    }
}
