package org.yishi.receipts.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.layout.PaperWidth;

class DrawerKickTest {

    @Test
    void theKickIsTheInitialiseAndThePulseOfTheProfileAndNothingElse() {
        PrinterProfile profile = PrinterProfile.generic(PaperWidth.MM80);
        EscPosDecoder decoded = EscPosDecoder.decode(new DrawerKick(profile).bytes());
        int on = profile.drawerPulseMs() / 2 * 2;
        assertThat(decoded.events()).containsExactly("@init",
                "@drawer pin=2 on=" + on + "ms off=" + Math.min(255, on) * 2 + "ms");
        assertThat(decoded.lines()).as("no paper is used").isEmpty();
        assertThat(decoded.cuts()).isZero();
    }

    @Test
    void theKickPulsesLikeACashReceipt() {
        PrinterProfile profile = PrinterProfile.generic(PaperWidth.MM58);
        String receiptKick = EscPosDecoder.decode(new org.yishi.receipts.ReceiptRenderer(org.yishi.receipts.content.ReceiptTexts.forLanguage("zh"), profile)
                .render(org.yishi.receipts.sample.SampleReceipts.of(ReceiptKind.SALE, profile)).escPos())
                .drawerKicks().get(0);
        assertThat(EscPosDecoder.decode(new DrawerKick(profile).bytes()).drawerKicks()).containsExactly(receiptKick);
    }

    @Test
    void theJobIsADrawerKickThatOpensTheDrawer() {
        RenderedReceipt job = new DrawerKick(PrinterProfile.generic(PaperWidth.MM58)).job("T01-drawer-1");
        assertThat(job.kind()).isEqualTo(ReceiptKind.DRAWER_KICK);
        assertThat(job.kicksDrawer()).isTrue();
        assertThat(job.receiptId()).isEqualTo("T01-drawer-1");
    }
}
