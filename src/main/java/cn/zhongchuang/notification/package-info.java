/**
 * 消息中心: in-app notifications stored in the transaction of the change that caused them, an
 * unread badge, the list, and e-mail by SMTP after commit when {@code spring.mail.host}
 * is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package cn.zhongchuang.notification;
