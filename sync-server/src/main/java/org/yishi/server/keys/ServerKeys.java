package org.yishi.server.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yishi.core.journal.TillKeys;
import org.yishi.sync.protocol.ServerSignatures;

/**
 * The server's Ed25519 signing key: {@code DATA/keys/server-signing.key} (owner-only), made on first start. Tills pin
 * its public half at enrolment and check every acknowledgement and download with it. Several instances of one server
 * share the data directory's key (copy the file to each; it is never in the database, git or logs).
 */
@Configuration(proxyBeanMethods = false)
public class ServerKeys {

    @Bean
    ServerSignatures.Signer serverSigner(@Value("${yishi.data-dir}") Path dataDir) throws java.io.IOException {
        Path dir = dataDir.resolve("keys");
        Files.createDirectories(dir);
        return new ServerSignatures.Signer(TillKeys.loadOrCreate(dir.resolve("server-signing.key")));
    }
}
