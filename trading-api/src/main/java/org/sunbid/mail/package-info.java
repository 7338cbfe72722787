/**
 * Mail delivery (电子邮件) of the platform's notifications: the adapter of {@code schedule.Notifications} that sends
 * each message to the addresses of the recipient accounts' members, switched on by {@code sunbid.notifications=mail}.
 */
package org.sunbid.mail;
