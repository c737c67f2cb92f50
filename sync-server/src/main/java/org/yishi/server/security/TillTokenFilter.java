package org.yishi.server.security;

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
import org.yishi.sync.protocol.ProblemType;

/**
 * Turns a till's bearer token ({@code Authorization: Bearer yt1.…}) into the authentication {@code till:<tillId>}
 * with {@code ROLE_TILL}. A revoked till's token is answered {@code token-revoked}, an unknown one
 * {@code unauthenticated}; both before any controller runs. Constant-time comparison is not needed: the look-up is by
 * the token's SHA-256, and a hash reveals nothing about a near miss.
 */
public class TillTokenFilter extends OncePerRequestFilter {

    public static final String PREFIX = "Bearer yt1.";
    private final TillPrincipalMapper tills;
    private final ProblemWriter problems;
    private final Clock clock;

    public TillTokenFilter(TillPrincipalMapper tills, ProblemWriter problems, Clock clock) {
        this.tills = tills;
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
        String token = header.substring("Bearer ".length()).strip();
        TillPrincipalMapper.TokenOwner owner = tills.ownerOf(TillTokens.hash(token));
        if (owner == null) {
            problems.write(response, ProblemType.UNAUTHENTICATED, "this till token is not known (replaced, or never issued)");
            return;
        }
        if (!"active".equals(owner.status())) {
            problems.write(response, ProblemType.TOKEN_REVOKED, "till " + owner.tillId() + " is " + owner.status()
                    + ": its token no longer works; enrol it again with a new code");
            return;
        }
        tills.seen(owner.tillId(), OffsetDateTime.now(clock));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "till:" + owner.tillId(), null, List.of(new SimpleGrantedAuthority("ROLE_TILL"))));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
