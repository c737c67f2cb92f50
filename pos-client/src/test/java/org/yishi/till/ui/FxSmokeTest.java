package org.yishi.till.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class FxSmokeTest {
    private final AtomicInteger clicks = new AtomicInteger();

    @Start
    void start(Stage stage) {
        Button b = new Button("确认");
        b.setId("ok");
        b.setOnAction(e -> clicks.incrementAndGet());
        stage.setScene(new Scene(new StackPane(b), 300, 200));
        stage.show();
    }

    @Test
    void clickingHeadlessReachesTheButton(FxRobot robot) {
        robot.clickOn("#ok");
        assertThat(clicks).hasValue(1);
    }
}
