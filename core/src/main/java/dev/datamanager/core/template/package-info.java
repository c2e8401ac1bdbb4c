/**
 * Stores and their default templates: a store exists when {@code <Store>.json} is in the templates folder.
 * Reconcile only adds what the template has and the record lacks; a stored value is never overwritten.
 */
package dev.datamanager.core.template;
