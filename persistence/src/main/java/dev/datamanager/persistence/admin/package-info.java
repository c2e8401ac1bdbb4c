/**
 * Admin changes to records that a live node holds: the asking node writes a request, the owner applies it in the
 * held session and writes the outcome. A request is applied at most once: the owner takes it from {@code pending}
 * before applying it, and the asker can abandon it only while it is still pending.
 */
package dev.datamanager.persistence.admin;
