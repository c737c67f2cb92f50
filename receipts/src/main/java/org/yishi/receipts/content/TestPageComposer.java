package org.yishi.receipts.content;

import java.util.ArrayList;
import java.util.List;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.layout.Align;
import org.yishi.receipts.layout.Block;
import org.yishi.receipts.layout.TextSize;

/**
 * Lays out the printer test page: what an installer reads to see that the profile matches the printer. The
 * rulers fill the line exactly; if the printer wraps them, the paper width is wrong; if the Chinese prints as
 * accented Latin, Chinese mode is wrong; if no QR appears, the QR mode is wrong.
 */
final class TestPageComposer {

    private static final String CHINESE_DIGITS = "一二三四五六七八九十";

    private final ReceiptTexts texts;
    private final CommonBlocks common;

    TestPageComposer(ReceiptTexts texts, CommonBlocks common) {
        this.texts = texts;
        this.common = common;
    }

    List<Block> blocks(TestPage page) {
        List<Block> out = new ArrayList<>();
        PrinterProfile profile = page.profile();
        int columns = profile.paper().columns();
        common.header(page.context(), "title.test", out);
        common.field("test.profile", profile.name(), out);
        common.field("test.paper", texts.get("test.paper.value", String.valueOf(profile.paper().millimetres()),
                String.valueOf(columns), String.valueOf(profile.paper().dots())), out);
        common.field("test.chineseMode", yesNo(profile.chineseMode()), out);
        common.field("test.qrMode", profile.qrMode().name(), out);
        common.field("test.cutter", yesNo(profile.cutter()), out);
        common.field("field.till", page.context().tillId(), out);
        common.field("field.time", common.time(page.context(), page.time()), out);
        out.add(new Block.Rule('-'));
        out.add(Block.Text.left(texts.get("test.ruler.ascii")));
        StringBuilder ascii = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            ascii.append(i % 10);
        }
        out.add(Block.Text.left(ascii.toString()));
        out.add(Block.Text.left(texts.get("test.ruler.chinese")));
        StringBuilder chinese = new StringBuilder();
        for (int i = 0; i < columns / 2; i++) {
            chinese.append(CHINESE_DIGITS.charAt(i % CHINESE_DIGITS.length()));
        }
        out.add(Block.Text.left(chinese.toString()));
        out.add(new Block.Rule('-'));
        out.add(new Block.Text(texts.get("test.align.left"), Align.LEFT, false));
        out.add(new Block.Text(texts.get("test.align.center"), Align.CENTER, false));
        out.add(new Block.Text(texts.get("test.align.right"), Align.RIGHT, false));
        out.add(new Block.Text(texts.get("test.bold"), Align.LEFT, true));
        out.add(new Block.Heading(texts.get("test.doubleHeight"), TextSize.DOUBLE_HEIGHT));
        out.add(new Block.Heading(texts.get("test.double"), TextSize.DOUBLE));
        out.add(Block.Text.left(texts.get("test.sample")));
        out.add(new Block.Rule('-'));
        out.add(Block.Text.centred(texts.get("test.qr")));
        out.add(Block.Text.centred(page.qrPayload()));
        out.add(new Block.Qr(page.qrPayload()));
        common.footer(page.context(), out);
        return out;
    }

    private String yesNo(boolean value) {
        return texts.get(value ? "test.yes" : "test.no");
    }
}
