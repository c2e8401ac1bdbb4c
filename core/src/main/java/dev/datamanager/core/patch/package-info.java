/**
 * Changes to a session's document: JSON Merge Patch (RFC 7396) and JSON Patch (RFC 6902), applied by JSON-P.
 * A patched document is accepted whole or refused whole: it stays an object, keeps the template's types, fits the
 * size limit, and a refused patch leaves the caller's document as it was. A held document's size is kept from patch
 * to patch by what each changed, always equal to a full count of its UTF-8 JSON.
 */
package dev.datamanager.core.patch;
