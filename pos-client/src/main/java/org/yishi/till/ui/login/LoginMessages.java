package org.yishi.till.ui.login;

import org.yishi.till.staff.LoginResult;
import org.yishi.till.ui.shell.UiText;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** Turns a refused login or approval into what the person at the keypad should read. */
final class LoginMessages {

    private final UiText text;
    private final ZoneId zone;

    LoginMessages(UiText text, ZoneId zone) {
        this.text = Objects.requireNonNull(text, "text");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    String refusal(LoginResult result) {
        if (result instanceof LoginResult.WrongPin wrong) {
            return text.get("login.wrongPin", wrong.attemptsLeft());
        }
        if (result instanceof LoginResult.LockedOut locked) {
            return text.get("login.lockedOut", DateTimeFormatter.ofPattern("HH:mm").format(locked.until().atZone(zone)));
        }
        if (result instanceof LoginResult.UnknownStaff) {
            return text.get("login.unknownStaff");
        }
        if (result instanceof LoginResult.NotAllowed notAllowed) {
            return text.get("login.notAllowed", notAllowed.staff().name(), notAllowed.why());
        }
        return "";
    }
}
