/**
 * A compact immutable JSON tree for the documents sessions hold in RAM: objects as parallel arrays with shared key
 * sets, small integers and short strings shared. Every value honours the jakarta.json contracts (Map/List equality,
 * toString as Parsson writes it), so JSON-P code reads and patches it unchanged; interning is bounded whatever keys
 * callers send.
 */
package dev.datamanager.core.json;
