package org.yishi.core.subsidy;

/** One funder's part of a subsidy, in fen. */
public record FunderShare(String funder, long fen) {
}
