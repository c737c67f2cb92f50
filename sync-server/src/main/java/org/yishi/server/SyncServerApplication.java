package org.yishi.server;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The settlement server (docs/server.md): enrols tills, ingests their signed journals exactly once, sends them the
 * registry, policies and other tills' usage. {@code ./yishi server [--data DIR] [--port N] [--config FILE]}.
 */
@SpringBootApplication
public class SyncServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SyncServerApplication.class, springArguments(args));
    }

    /**
     * The command line's own options as Spring properties: {@code --data DIR} → {@code yishi.data-dir}, {@code --port N}
     * → {@code server.port} (0: any free port), {@code --config FILE} → an additional configuration file. Anything
     * else is passed on as Spring reads it ({@code --server.address=0.0.0.0}).
     */
    static String[] springArguments(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--data" -> {
                    out.add("--yishi.data-dir=" + required(a, value));
                    i++;
                }
                case "--port" -> {
                    out.add("--server.port=" + required(a, value));
                    i++;
                }
                case "--config" -> {
                    out.add("--spring.config.additional-location=file:" + required(a, value));
                    i++;
                }
                default -> out.add(a);
            }
        }
        return out.toArray(String[]::new);
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
