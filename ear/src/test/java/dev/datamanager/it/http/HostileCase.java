package dev.datamanager.it.http;

import java.net.http.HttpRequest;
import java.util.function.Function;

/**
 * One hostile request and the status it must be refused with.
 *
 * @param request builds the request on a node whose victim session and record the case must leave unchanged
 */
record HostileCase(String name, int status, Function<ApiNode, HttpRequest> request) {}
