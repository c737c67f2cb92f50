package org.yishi.server.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start with an empty database: the administrator {@code admin}, with the password in
 * {@code YISHI_ADMIN_PASSWORD}, or a generated one printed once to the console — never to the log.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private final ServerUsers.UserMapper users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public AdminBootstrap(ServerUsers.UserMapper users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String given = System.getenv("YISHI_ADMIN_PASSWORD");
        String password = given != null && !given.isBlank() ? given : generated();
        users.insert("admin", encoder.encode(password), ServerUsers.Role.ADMINISTRATOR.name(), OffsetDateTime.now(clock));
        LOG.info("created the administrator account 'admin' ({})", given != null && !given.isBlank()
                ? "password from YISHI_ADMIN_PASSWORD" : "generated password shown once on the console");
        if (given == null || given.isBlank()) {
            // The console only (System.out), so the password is not kept in log files.
            System.out.println("Yishi administrator: user admin, password " + password + " (shown once; change it)");
        }
    }

    private static String generated() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
