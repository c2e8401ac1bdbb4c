/**
 * Bulk jobs over a whole store: started by an admin, run by whichever node claims them, resumed by another node when
 * the runner's heartbeat goes quiet. A record is changed at most once per job: every change carries the job id as
 * its version tag, and a record that already has a version with that tag is never changed again. A kind (restore;
 * patch and migrate later) is one small class saying what one record should become.
 */
package dev.datamanager.core.job;
