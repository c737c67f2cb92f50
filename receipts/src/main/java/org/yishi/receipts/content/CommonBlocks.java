package org.yishi.receipts.content;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.yishi.receipts.layout.Block;
import org.yishi.receipts.layout.TextSize;

/** Header, verification and footer blocks shared by the receipt kinds. */
final class CommonBlocks {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ReceiptTexts texts;

    CommonBlocks(ReceiptTexts texts) {
        this.texts = texts;
    }

    /** Canteen name (double height) and the receipt's title (double size). */
    void header(ReceiptContext context, String titleKey, List<Block> out) {
        out.add(new Block.Heading(context.canteenName(), TextSize.DOUBLE_HEIGHT));
        out.add(new Block.Heading(texts.get(titleKey), TextSize.DOUBLE));
        out.add(new Block.Rule('-'));
    }

    String time(ReceiptContext context, OffsetDateTime time) {
        return TIME.format(time.atZoneSameInstant(context.zone()));
    }

    void field(String key, String value, List<Block> out) {
        out.add(Block.LabelValue.of(texts.get(key), value));
    }

    /** The verification QR, the record's short hash and a hint. */
    void verification(ReceiptContext context, JournalRef record, List<Block> out) {
        out.add(new Block.Rule('-'));
        out.add(new Block.Qr(VerificationCode.of(context.tillId(), record)));
        out.add(Block.Text.centred(texts.get("verify.hint")));
        out.add(Block.LabelValue.of(texts.get("verify.hash"), record.shortHash()));
        out.add(Block.LabelValue.of(texts.get("field.seq"), context.tillId() + " #" + record.seq()));
    }

    /** Canteen phone, the 12349 hotline, thanks. */
    void footer(ReceiptContext context, List<Block> out) {
        out.add(new Block.Rule('-'));
        if (!context.canteenPhone().isBlank()) {
            out.add(Block.Text.centred(texts.get("footer.phone", context.canteenPhone())));
        }
        out.add(Block.Text.centred(texts.get("footer.hotline")));
        out.add(Block.Text.centred(texts.get("footer.thanks")));
    }
}
