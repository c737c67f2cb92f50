package org.yishi.config.demo;

/** A town or street of the demo city, with a weight for how many elders live there. */
record Town(String districtCode, String districtName, String townCode, String townName, int weight) {
}
