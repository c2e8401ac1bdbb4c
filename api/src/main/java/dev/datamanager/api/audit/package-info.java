/**
 * The audit trail as callers read it: admin actions, newest first, with who, what, which target and how it ended.
 * The trail is only ever appended to; nothing here changes it.
 */
package dev.datamanager.api.audit;
