package org.sunbid.project;

/** Life of a project in the centre. Drafts are seen by their owner only; only PUBLISHED projects are public. */
public enum ProjectStatus {
    DRAFT, SUBMITTED, RETURNED, ACCEPTED, PUBLISHED, TERMINATED
}
