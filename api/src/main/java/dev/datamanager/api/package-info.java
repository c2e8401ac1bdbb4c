/**
 * Contracts between game code and a DataManager node: DTOs, resource interfaces, typed outcomes.
 * Nothing here knows about JPA, CDI beans or Liberty; every other module depends on this one.
 */
package dev.datamanager.api;
