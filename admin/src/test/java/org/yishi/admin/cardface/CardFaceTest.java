package org.yishi.admin.cardface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.yishi.cardreader.qr.QrImages;
import org.yishi.receipts.preview.CjkFontChooser;

class CardFaceTest {

    private static final String TOKEN = "YSQ1.test-token-text";

    private static CardFaceText text(String name, String maskedId) {
        return new CardFaceText("长者饭堂就餐卡", "姓名", name, "证件号", maskedId, "户籍区", "增城区", "卡号",
                "**** E5F6", "发卡日期", "2026-11-23", "挂失或咨询：养老服务热线 12349", TOKEN);
    }

    @Test
    void theFaceIsId1At300DpiAndCarriesTheToken() {
        Font font = CjkFontChooser.installed().choose("长者饭堂就餐卡").orElseThrow();

        BufferedImage face = new CardFaceRenderer(font).render(text("张小华", "**************1234"));

        assertThat(face.getWidth()).isEqualTo(1011);
        assertThat(face.getHeight()).isEqualTo(638);
        assertThat(QrImages.decode(face)).contains(TOKEN);
    }

    @Test
    void aVeryLongNameIsShrunkAndDoesNotCoverTheQrCode() {
        Font font = CjkFontChooser.installed().choose("长者饭堂就餐卡").orElseThrow();

        BufferedImage face = new CardFaceRenderer(font).render(text("阿卜杜热合曼·买买提艾力·吐尔逊", "**************1234"));

        assertThat(QrImages.decode(face)).contains(TOKEN);
    }

    @Test
    void aFaceRefusesAnUnmaskedResidentIdAndAFontThatLacksAGlyph() {
        assertThatThrownBy(() -> text("张小华", "440118194103091234")).hasMessageContaining("masked");
        Font latinOnly = new Font("No Such Font Family", Font.PLAIN, 12);
        // The fallback (Dialog) may or may not show CJK; only assert when it cannot.
        if (latinOnly.canDisplayUpTo("长") != -1) {
            assertThatThrownBy(() -> new CardFaceRenderer(latinOnly).render(text("张小华", "**************1234")))
                    .hasMessageContaining("cannot display");
        }
    }

    @Test
    void districtNamesComeFromTheDemoTableAndUnknownCodesStayCodes() {
        DistrictNames names = DistrictNames.load();

        assertThat(names.nameOf("440118")).isEqualTo("增城区");
        assertThat(names.nameOf("999999")).isEqualTo("999999");
    }
}
