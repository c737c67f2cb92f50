package org.yishi.till.sync;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The till's HTTP to the settlement server (Apache HttpClient 5, classic): JSON in and out, bearer token, bounded
 * timeouts so a stalled server costs a sync round seconds, never a checkout anything (sync runs on its own thread).
 */
public final class SyncHttp implements Closeable {

    /** An answer: status, headers (names lower-cased), body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final CloseableHttpClient client;
    private final URI base;
    private final String token;

    /**
     * @param token the bearer token, or null (enrolment has none yet)
     */
    public SyncHttp(URI base, String token, Timeout connect, Timeout response) {
        this.base = base;
        this.token = token;
        this.client = HttpClients.custom().disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect).setResponseTimeout(response).build())
                .setConnectionManager(org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(org.apache.hc.client5.http.config.ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(response).build()).build())
                .build();
    }

    public static SyncHttp of(SyncSettings settings) {
        return new SyncHttp(settings.server(), settings.token(), Timeout.ofSeconds(5), Timeout.of(settings.responseTimeout()));
    }

    /** The longest a download (snapshot or changes) may take to start arriving: the server writes it whole first. */
    public static final java.time.Duration DOWNLOAD_TIMEOUT = java.time.Duration.ofMinutes(15);

    /**
     * A client for snapshots and changes: a city's full snapshot (2,000,000 elders) takes the server a minute or more to
     * write and sign before its first byte, longer than a journal upload may wait.
     */
    public static SyncHttp forDownloads(SyncSettings settings) {
        java.time.Duration wait = settings.responseTimeout().compareTo(DOWNLOAD_TIMEOUT) > 0 ? settings.responseTimeout() : DOWNLOAD_TIMEOUT;
        return new SyncHttp(settings.server(), settings.token(), Timeout.ofSeconds(5), Timeout.of(wait));
    }

    public Answer postJson(String path, byte[] json) throws IOException {
        HttpPost post = new HttpPost(base.resolve(path));
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        return execute(post);
    }

    public Answer get(String path) throws IOException {
        return execute(new HttpGet(base.resolve(path)));
    }

    private Answer execute(HttpUriRequestBase request) throws IOException {
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        return client.execute(request, response -> {
            Map<String, String> headers = new TreeMap<>();
            for (Header h : response.getHeaders()) {
                headers.put(h.getName().toLowerCase(java.util.Locale.ROOT), h.getValue());
            }
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            return new Answer(response.getCode(), headers, body);
        });
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
