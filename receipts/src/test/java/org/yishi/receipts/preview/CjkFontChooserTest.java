package org.yishi.receipts.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.util.List;
import org.junit.jupiter.api.Test;

class CjkFontChooserTest {

    @Test
    void aFontThatCannotShowChineseIsNeverChosen() {
        CjkFontChooser noCjk = new CjkFontChooser(List.of("No Such Font Family"));

        assertThat(noCjk.choose("长者饭堂就餐卡")).isEmpty();
        assertThat(noCjk.choose("ABC")).isEmpty();
    }

    @Test
    void onThisMachineAPreferredCjkFontIsChosen() {
        // The build machine has fonts-wqy-microhei (.ci/run installs it); a missing font should fail loudly here.
        Font font = CjkFontChooser.installed().choose("长者饭堂就餐卡欧阳小华 **** E5F6 12349").orElseThrow();

        assertThat(CjkFontChooser.PREFERRED).contains(font.getFamily());
        assertThat(font.canDisplayUpTo("长者饭堂就餐卡欧阳小华")).isEqualTo(-1);
    }
}
