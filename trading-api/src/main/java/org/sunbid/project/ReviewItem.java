package org.sunbid.project;

/** What the joint review approves before publication. */
public enum ReviewItem {
    ANNOUNCEMENT, TENDER_DOCUMENTS
}
