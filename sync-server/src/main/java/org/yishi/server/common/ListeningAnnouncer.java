package org.yishi.server.common;

import java.net.InetAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Says on the console where the server listens, once it is ready — after the start-up work (the first administrator,
 * the shipped policies) is done: {@code Yishi server listening on http://HOST:PORT}. With {@code --port 0} that is the
 * port the system chose; scripts ({@code ./yishi demo}, the e2e tests) read this line and may call the API at once.
 */
@Component
public class ListeningAnnouncer implements ApplicationListener<ApplicationReadyEvent> {

    private final String address;
    private final boolean tls;

    public ListeningAnnouncer(@Value("${server.address:127.0.0.1}") String address, @Value("${server.ssl.enabled:false}") boolean tls) {
        this.address = address;
        this.tls = tls;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String host = address;
        try {
            if (InetAddress.getByName(address).isAnyLocalAddress()) {
                host = InetAddress.getLocalHost().getHostAddress();
            }
        } catch (java.net.UnknownHostException e) {
            host = address;
        }
        System.out.println("Yishi server listening on " + (tls ? "https" : "http") + "://" + host + ":" + web.getWebServer().getPort());
        System.out.flush();
    }
}
