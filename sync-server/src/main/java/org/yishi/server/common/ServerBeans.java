package org.yishi.server.common;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yishi.sync.protocol.SyncJson;

/** Values every part of the server shares: the clock (Asia/Shanghai, explicit) and the protocol's JSON. */
@Configuration(proxyBeanMethods = false)
public class ServerBeans {

    /** The zone meal days, change times and answers are in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }

    @Bean
    SyncJson syncJson() {
        return new SyncJson();
    }
}
