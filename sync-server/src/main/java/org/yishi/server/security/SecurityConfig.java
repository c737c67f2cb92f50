package org.yishi.server.security;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.yishi.server.apitoken.ApiTokenFilter;
import org.yishi.server.apitoken.ApiTokenMapper;
import org.yishi.sync.protocol.ProblemType;

/**
 * Who may call what (docs/server.md, "Roles"): tills only the sync endpoints, with their bearer token, and only for
 * themselves; administrators the administrator API; finance and viewers read only — each with its password (HTTP
 * Basic) or an API token it created ({@code Bearer ya1.…}). The API keeps no session: every
 * request carries its credentials, so any instance can answer it.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, TillPrincipalMapper tills, ApiTokenMapper apiTokens, ProblemWriter problems, Clock clock)
            throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/api/v1/enrol").permitAll()
                        // The API's description is public, as any published protocol is; it names no data.
                        .requestMatchers(HttpMethod.GET, "/api/v1/openapi", "/api/v1/openapi.yaml").permitAll()
                        .requestMatchers("/api/v1/sync/**").hasRole("TILL")
                        // Every account manages its own API tokens (the controller keeps them apart).
                        .requestMatchers("/api/v1/api-tokens", "/api/v1/api-tokens/**").hasAnyRole("ADMINISTRATOR", "FINANCE", "VIEWER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole("ADMINISTRATOR", "FINANCE", "VIEWER")
                        .requestMatchers("/api/v1/**").hasRole("ADMINISTRATOR")
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> problems.write(res, ProblemType.UNAUTHENTICATED,
                        "credentials are missing or wrong")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(res, ProblemType.UNAUTHENTICATED,
                                "credentials are missing or wrong"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, ProblemType.FORBIDDEN,
                                "these credentials may not do this")))
                .addFilterBefore(new TillTokenFilter(tills, problems, clock), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenFilter(apiTokens, problems, clock), BasicAuthenticationFilter.class);
        return http.build();
    }
}
