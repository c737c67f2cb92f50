package org.yishi.server.apitoken;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yishi.server.security.ProblemWriter;
import org.yishi.server.security.TillTokens;
import org.yishi.sync.protocol.ProblemType;

/**
 * Turns an administrator API token ({@code Authorization: Bearer ya1.…}) into its account's authentication, with the
 * account's role as it is now and the marker authority {@link #BY_TOKEN} (a token may not mint tokens). An unknown
 * or expired token is {@code unauthenticated}, a revoked one {@code token-revoked}, before any controller runs.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    /** The authority every token-authenticated request carries. */
    public static final String BY_TOKEN = "AUTH_API_TOKEN";
    static final String PREFIX = "Bearer " + ApiTokens.PREFIX;

    private final ApiTokenMapper tokens;
    private final ProblemWriter problems;
    private final Clock clock;

    public ApiTokenFilter(ApiTokenMapper tokens, ProblemWriter problems, Clock clock) {
        this.tokens = tokens;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokenMapper.Bearer bearer = tokens.bearerOf(TillTokens.hash(header.substring("Bearer ".length()).strip()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (bearer == null) {
            problems.write(response, ProblemType.UNAUTHENTICATED, "this API token is not known");
            return;
        }
        if (bearer.revokedAt() != null) {
            problems.write(response, ProblemType.TOKEN_REVOKED, "API token " + bearer.tokenId() + " was revoked");
            return;
        }
        if (!bearer.expiresAt().isAfter(now)) {
            problems.write(response, ProblemType.UNAUTHENTICATED, "API token " + bearer.tokenId() + " expired at " + bearer.expiresAt()
                    + ": create a new one");
            return;
        }
        tokens.used(bearer.tokenId(), now);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(bearer.username(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + bearer.role()), new SimpleGrantedAuthority(BY_TOKEN))));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
