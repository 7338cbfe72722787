package org.sunbid.notice;

import org.sunbid.platform.id.ProjectId;

/**
 * Which projects are tests (answered by the project feature): their notices are marked as tests in title, body, feeds
 * and search, and public lists leave them out unless asked for ({@code includeTests=true}).
 */
public interface TestProjects {

    boolean isTest(ProjectId project);
}
