package org.sunbid.archive;

/** Why a package was made: the project ended (completed, failed, terminated) or staff asked. */
public enum ArchiveReason {
    COMPLETED, FAILED, TERMINATED, ON_DEMAND
}
