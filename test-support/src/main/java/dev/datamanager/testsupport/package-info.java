/**
 * The test harness every suite shares: a real PostgreSQL started by the tests on loopback, free loopback ports and
 * Basic credentials. Everything it starts lives under {@code target/} and is stopped by the JVM at the latest.
 */
package dev.datamanager.testsupport;
