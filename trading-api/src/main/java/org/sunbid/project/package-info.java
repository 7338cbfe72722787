/** Project intake (项目进场), joint review (会审监督), statutory periods, clarifications, objections and publication. */
package org.sunbid.project;
