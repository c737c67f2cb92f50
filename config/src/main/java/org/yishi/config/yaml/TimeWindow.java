package org.yishi.config.yaml;

import java.time.LocalTime;

/** A serving window written {@code "10:30-13:30"}: from start (inclusive) to end (exclusive), within one day. */
public record TimeWindow(LocalTime start, LocalTime end) {
}
