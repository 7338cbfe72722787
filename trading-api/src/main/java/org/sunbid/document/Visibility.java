package org.sunbid.document;

/** Who may download a document: anyone, its owner member (and staff, regulators), or staff and regulators only. */
public enum Visibility {
    PUBLIC, OWNER, STAFF
}
