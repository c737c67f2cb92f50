package org.yishi.receipts.print;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads {@link PrinterTarget} text; every refusal names the text and says what would be right. */
final class PrinterTargetParser {
    private PrinterTargetParser() {
    }

    private static final String EXPECTED = "expected tcp://HOST:9100, file:/dev/usb/lp0, cups:QUEUE or screen:";

    /** Host names and IPv4 addresses: letters, digits, dots and hyphens, labels not starting or ending with '-'. */
    private static final Pattern HOST_NAME = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]+(%[a-z0-9]+)?");
    private static final Pattern QUEUE_NAME = Pattern.compile("[^\\s/#]{1,127}");

    static PrinterTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("printer target is empty: " + EXPECTED);
        }
        String spec = text.strip();
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("printer target '" + spec + "' has no scheme: " + EXPECTED);
        }
        String scheme = spec.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = spec.substring(colon + 1);
        return switch (scheme) {
            case "tcp" -> parseTcp(spec, rest);
            case "file" -> parseFile(spec, rest);
            case "cups" -> parseQueue(spec, rest);
            case "screen" -> {
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException("printer target '" + spec + "': write just screen:");
                }
                yield new PrinterTarget.Screen();
            }
            default -> throw new IllegalArgumentException("printer target '" + spec + "' has unknown scheme '"
                    + scheme + "': " + EXPECTED);
        };
    }

    private static PrinterTarget parseTcp(String spec, String rest) {
        if (!rest.startsWith("//")) {
            throw new IllegalArgumentException("printer target '" + spec + "': write tcp://HOST:PORT, e.g. tcp://192.168.1.50:9100");
        }
        String authority = rest.substring(2);
        if (authority.endsWith("/")) {
            authority = authority.substring(0, authority.length() - 1);
        }
        if (authority.contains("/") || authority.contains("?") || authority.contains("#") || authority.contains("@")) {
            throw new IllegalArgumentException("printer target '" + spec + "': only HOST:PORT may follow tcp://, no path, user or query");
        }
        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("printer target '" + spec + "': IPv6 address is missing its closing ']'");
            }
            host = authority.substring(1, close);
            String afterHost = authority.substring(close + 1);
            if (!afterHost.startsWith(":")) {
                throw new IllegalArgumentException("printer target '" + spec + "' has no port: write tcp://[" + host + "]:9100");
            }
            portText = afterHost.substring(1);
            if (!IPV6.matcher(host).matches() || host.indexOf(':') < 0) {
                throw new IllegalArgumentException("printer target '" + spec + "': '" + host + "' is not an IPv6 address");
            }
        } else {
            int lastColon = authority.lastIndexOf(':');
            if (lastColon < 0) {
                throw new IllegalArgumentException("printer target '" + spec + "' has no port: write tcp://"
                        + (authority.isEmpty() ? "HOST" : authority) + ":9100 (9100 is the usual raw printing port)");
            }
            if (authority.indexOf(':') != lastColon) {
                throw new IllegalArgumentException("printer target '" + spec + "': put an IPv6 address in brackets, e.g. tcp://[fe80::1]:9100");
            }
            host = authority.substring(0, lastColon);
            portText = authority.substring(lastColon + 1);
            if (host.isEmpty()) {
                throw new IllegalArgumentException("printer target '" + spec + "' has no host: write tcp://HOST:9100");
            }
            if (!HOST_NAME.matcher(host).matches() || host.length() > 253) {
                throw new IllegalArgumentException("printer target '" + spec + "': '" + host
                        + "' is not a valid host name or IPv4 address");
            }
            if (host.matches("[0-9.]+") && !isIpv4(host)) {
                throw new IllegalArgumentException("printer target '" + spec + "': '" + host + "' is not a valid IPv4 address");
            }
        }
        if (portText.isEmpty()) {
            throw new IllegalArgumentException("printer target '" + spec + "' has no port after ':': write tcp://" + host + ":9100");
        }
        if (!portText.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("printer target '" + spec + "': port '" + portText + "' is not a number");
        }
        int port = Integer.parseInt(portText);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("printer target '" + spec + "': port " + port + " is outside 1..65535");
        }
        return new PrinterTarget.Tcp(host, port);
    }

    private static boolean isIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static PrinterTarget parseFile(String spec, String rest) {
        String pathText = rest.startsWith("//") ? rest.substring(2) : rest;
        if (pathText.isEmpty()) {
            throw new IllegalArgumentException("printer target '" + spec + "' names no device: write file:/dev/usb/lp0");
        }
        if (pathText.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("printer target '" + spec + "': device path contains a NUL character");
        }
        Path path = Path.of(pathText);
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("printer target '" + spec + "': device path must be absolute, e.g. file:/dev/usb/lp0");
        }
        return new PrinterTarget.DeviceFile(path.normalize());
    }

    private static PrinterTarget parseQueue(String spec, String rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("printer target '" + spec + "' names no queue: write cups:QUEUE (see `lpstat -p`)");
        }
        if (!QUEUE_NAME.matcher(rest).matches()) {
            throw new IllegalArgumentException("printer target '" + spec + "': queue name '" + rest
                    + "' may not contain spaces, '/' or '#' and is at most 127 characters");
        }
        return new PrinterTarget.SpoolerQueue(rest);
    }
}
