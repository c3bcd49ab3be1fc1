/**
 * Accounts, sign-in and the security rules of the web: roles, region scope, lockout,
 * password policy, sessions in PostgreSQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package cn.zhongchuang.identity;
